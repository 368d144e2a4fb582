#!/usr/bin/python3
"""Builds samples/record_reportlab.pdf with reportlab (Debian python3-reportlab).

Page 1: a form-like record (labels, boxes, a table) whose agency header is a
        Form XObject shared with page 2.
Page 2: a scanned-looking page whose text is an invisible (render mode 3)
        layer, as OCR tools write it, plus the shared header.
Page 3: a page turned with /Rotate 90 and a CropBox whose origin is not 0,0.
Page 4: a letter with a confidentiality stamp rotated up the left margin
        and a diagonal "SEALED" watermark.
All names and numbers are invented.
"""
import sys
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

out = sys.argv[1] if len(sys.argv) > 1 else "record_reportlab.pdf"
c = canvas.Canvas(out, pagesize=letter, invariant=1)
c.setTitle("Record of encounter")
W, H = letter

c.beginForm("header")
c.setFont("Helvetica-Bold", 11)
c.drawString(54, H - 50, "U.S. Department of Homeland Security")
c.setFont("Helvetica", 9)
c.drawString(54, H - 63, "Record of Deportable/Inadmissible Alien (Form I-213) - sample record")
c.endForm()

# Page 1: form-like layout.
c.doForm("header")
fields = [
    ("Family Name", "HERNANDEZ-NUNEZ"), ("First Name", "Maria Guadalupe"),
    ("A-Number", "A 201 234 567"), ("Date of Birth", "03/14/1987"),
    ("Country of Citizenship", "Honduras"), ("FBI No.", "123456AB7"),
]
y = H - 100
for i, (label, value) in enumerate(fields):
    x = 54 + (i % 2) * 260
    if i % 2 == 0 and i > 0:
        y -= 38
    c.rect(x, y - 26, 250, 32)
    c.setFont("Helvetica", 7)
    c.drawString(x + 3, y - 2, label)
    c.setFont("Courier", 11)
    c.drawString(x + 3, y - 19, value)
c.setFont("Helvetica-Bold", 10)
c.drawString(54, y - 60, "Narrative")
c.setFont("Times-Roman", 10.5)
text = c.beginText(54, y - 76)
for line in [
    "Subject was encountered near the port of entry with her son, Kevin Hernandez.",
    "Subject stated that she fears returning to Honduras. She was referred for a",
    "credible fear interview (Form I-870). Receipt number WAC2290054321 was issued.",
    "Subject's phone: 619-555-0199. Processing officer: Agent R. Miller, #4471.",
]:
    text.textLine(line)
c.drawText(text)
c.setFont("Helvetica-Bold", 9)
rows = [("Relative", "Relationship", "A-Number"),
        ("Kevin Hernandez", "Son", "A201234568"),
        ("Rosa Nunez Mejia", "Mother", "none")]
ty = y - 150
for r, row in enumerate(rows):
    c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
    for k, cell in enumerate(row):
        c.rect(54 + k * 150, ty - 4, 150, 16)
        c.drawString(58 + k * 150, ty, cell)
    ty -= 16
c.showPage()

# Page 2: invisible text layer.
c.doForm("header")
c.setFillGray(0.85)
c.rect(54, 300, W - 108, 380, fill=1, stroke=0)
c.setFillGray(0)
c.setFont("Helvetica", 8)
c.drawString(54, 290, "[scanned attachment: handwritten statement]")
t = c.beginText(60, 660)
t.setTextRenderMode(3)
t.setFont("Helvetica", 12)
for line in [
    "Statement of Jose Luis Pena Ortiz, A098765432.",
    "I applied for asylum at the border in 2022.",
    "I had a credible fear interview in Otay Mesa.",
]:
    t.textLine(line)
c.drawText(t)
c.showPage()

# Page 3: rotated page with a shifted crop box.
c.setPageRotation(90)
c.setCropBox((36, 36, W - 36, H - 36))
c.saveState()
c.translate(W, 0)
c.rotate(90)
c.setFont("Helvetica-Bold", 12)
c.drawString(60, W - 80, "Transfer log (landscape)")
c.setFont("Helvetica", 10)
for i, line in enumerate([
    "05/02/2023  Transferred: Oksana Petrenko, A-215-555-019, to Otay Mesa.",
    "05/03/2023  Credible fear interview scheduled; interpreter: Ukrainian.",
    "05/09/2023  Positive credible fear determination served on the applicant.",
]):
    c.drawString(60, W - 110 - 16 * i, line)
c.restoreState()
c.showPage()

# Page 4: rotated margin stamp and a diagonal watermark.
c.setPageRotation(0)
c.setCropBox((0, 0, W, H))
c.setFont("Times-Roman", 11)
body = c.beginText(90, H - 90)
for line in [
    "Dear Counsel:",
    "Enclosed is the credible fear worksheet for Fatima Zahra El Idrissi.",
    "Her A-Number is A204111222. Please file it only under seal.",
]:
    body.textLine(line)
c.drawText(body)
c.saveState()
c.translate(40, 200)
c.rotate(90)
c.setFont("Helvetica", 8)
c.drawString(0, 0, "CONFIDENTIAL - PROTECTIVE ORDER - El Idrissi, Fatima Zahra - A204111222")
c.restoreState()
c.saveState()
c.translate(200, 300)
c.rotate(35)
c.setFont("Helvetica-Bold", 40)
c.setFillGray(0.8)
c.drawString(0, 0, "SEALED")
c.restoreState()
c.showPage()
c.save()
