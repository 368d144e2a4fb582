#!/usr/bin/python3
"""Small PDFs for the structure stage's end-to-end tests (tests/e2e/structure_test.cpp).

Run with Debian's python3-reportlab (and chromium, for the mailing list):
/usr/bin/python3 make_structure_pdfs.py
Every person, number and address here is invented. Each file plants what
detection must remove (an applicant's identifiers, with no cue in front of
them) next to what it must keep (counsel, translators, facilities).
"""
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

W, H = letter


def ruled_table(path):
    """A detention list drawn as a ruled grid: no labels in the cells."""
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, H - 72, "Attachment 2 - Detainees transferred on June 3, 2024")
    headers = ["Nombre", "Número A", "F. nac.", "Facility"]
    rows = [
        ["SHEVCHENKO, Yuliia", "219 876 543", "1990-02-14", "Otay Mesa Detention Center"],
        ["MORALES PÉREZ, Lucía", "208 112 334", "1985-11-30", "Otay Mesa Detention Center"],
        ["KARIMI, Dariush", "217 450 981", "2001-06-07", "Imperial Regional Facility"],
        ["ABEBE, Selam", "203 998 120", "1979-09-21", "Imperial Regional Facility"],
    ]
    xs = [72, 210, 300, 380, 560]
    top, row_h = H - 100, 22
    ys = [top - k * row_h for k in range(len(rows) + 2)]
    c.setLineWidth(0.8)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    c.setFont("Helvetica-Bold", 10)
    for k, h in enumerate(headers):
        c.drawString(xs[k] + 4, ys[0] - 15, h)
    c.setFont("Helvetica", 10)
    for r, row in enumerate(rows):
        for k, v in enumerate(row):
            c.drawString(xs[k] + 4, ys[r + 1] - 15, v)
    c.drawString(72, ys[-1] - 30, "Transfers were made under 8 C.F.R. 235.3(b)(4).")
    c.showPage()
    c.save()


def label_above_form(path):
    """An I-589-style page: each label in a box, its value below it."""
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, H - 60, "Part A.I. Information About You / Información sobre usted")
    boxes = [
        (72, H - 130, 200, "1. Alien Registration Number (A-Number) (if any)", "A-Number / Número A", "A 219 876 543"),
        (272, H - 130, 270, "2. Family Name (Last Name)", "Apellido(s)", "SHEVCHENKO"),
        (72, H - 200, 200, "3. Given Name (First Name)", "Nombre(s)", "Yuliia"),
        (272, H - 200, 270, "4. Date of Birth (mm/dd/yyyy)", "Fecha de nacimiento", "02/14/1990"),
        (72, H - 270, 200, "5. Country of Birth", "País de nacimiento", "Ukraine"),
        (272, H - 270, 270, "6. Native Language", "Idioma nativo", "Ukrainian"),
    ]
    c.setLineWidth(0.6)
    for x, y, w, label_en, label_es, value in boxes:
        c.rect(x, y, w, 60)
        c.setFont("Helvetica", 8)
        c.drawString(x + 4, y + 50, label_en)
        c.drawString(x + 4, y + 40, label_es)
        c.setFont("Courier", 11)
        c.drawString(x + 4, y + 16, value)
    c.setFont("Helvetica", 9)
    c.drawString(72, H - 310, "Form I-589 (Rev. 01/20/25). See the instructions, 8 C.F.R. 208.3.")
    c.showPage()
    c.save()


def checkbox_determination(path):
    """A record of determination whose outcome is answered by check boxes,
    drawn as forms draw them (a square, a ZapfDingbats check in the chosen
    one): on the line below its question, and beside it."""
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, H - 60, "Record of Determination / Credible Fear Worksheet")
    c.setFont("Helvetica", 9)
    c.drawString(72, H - 90, "Applicant's Last Name:")
    c.drawString(260, H - 90, "QUILLEHUE")
    c.drawString(72, H - 108, "Language:")
    c.drawString(260, H - 108, "Quechua")

    def boxes(x, y, options, chosen):
        for o in options:
            c.rect(x, y, 8, 8)
            if o == chosen:
                c.setFont("ZapfDingbats", 8)
                c.drawString(x + 1, y + 1, "4")
            c.setFont("Helvetica", 9)
            c.drawString(x + 12, y + 1, o)
            x += 70

    c.setFont("Helvetica-Bold", 9)
    c.drawString(72, H - 140, "Section III: Determination")
    c.setFont("Helvetica", 9)
    c.drawString(72, H - 160, "Credible fear of persecution established:")
    boxes(80, H - 178, ["Yes", "No"], "Yes")
    c.drawString(72, H - 200, "Credible fear of torture established:")
    boxes(260, H - 201, ["Yes", "No"], "No")
    c.drawString(72, H - 230, "Interpreter used:")
    boxes(260, H - 231, ["Yes", "No"], "Yes")
    c.drawString(72, H - 260, "This worksheet is confidential under 8 C.F.R. 208.6.")
    c.showPage()
    c.save()


def counsel_signature(path):
    """A motion's last page: counsel's block must stay whole."""
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    c.setFont("Times-Roman", 12)
    y = H - 90
    for line in [
        "For these reasons, the Court should grant the motion to proceed under",
        "pseudonym and seal Exhibit C, which identifies the Petitioner by name.",
        "",
        "Dated: July 1, 2024",
    ]:
        c.drawString(72, y, line)
        y -= 16
    y -= 20
    for line in [
        "Respectfully submitted,",
        "/s/ Laura Kim",
        "Laura Kim (SBN 123456)",
        "Kim & Ortega Immigration Law LLP",
        "600 B Street, Suite 300",
        "San Diego, CA 92101",
        "Tel.: (619) 555-0100",
        "lkim@kimortega.example.com",
        "Attorney for Petitioner",
    ]:
        c.drawString(320, y, line)
        y -= 15
    c.showPage()
    c.save()


def translator_certificate(path):
    """A certificate of translation: the translator stays, the declarant goes."""
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    c.setFont("Times-Bold", 13)
    c.drawCentredString(W / 2, H - 90, "CERTIFICATE OF TRANSLATION")
    c.setFont("Times-Roman", 12)
    y = H - 130
    for line in [
        "I, Elena Vasquez, certify that I am competent to translate from Spanish into",
        "English, and that the attached declaration of Lucía Morales Pérez is a true",
        "and accurate translation of the original to the best of my ability.",
    ]:
        c.drawString(72, y, line)
        y -= 16
    y -= 24
    for line in [
        "/s/ Elena Vasquez",
        "Elena Vasquez, Certified Court Interpreter",
        "Address: 1200 Third Avenue, San Diego, CA 92101",
        "Telephone: (619) 555-0177",
        "Date: June 12, 2024",
    ]:
        c.drawString(72, y, line)
        y -= 15
    c.showPage()
    c.save()


def grouped_header(path):
    """Class lists whose header is grouped over several lines, no labels in
    the cells: page 1 ruled, "Class Member" and "Identifiers" drawn as cells
    spanning the sub-headers under them; page 2 unruled (a rule under the
    header only), the sub-headers wrapped in narrow columns."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=9, leading=11)
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=12, leading=15)
    people = [
        ["1", "OLIYNYK, Halyna", "A-214-337-905", "03/22/1988", "Ukraine", "Otay Mesa Detention Center"],
        ["2", "MENDOZA RUIZ, Aurelio", "209 554 118", "1976-12-05", "Guatemala", "Krome North SPC"],
        ["3", "TESFAMARIAM, Yonas", "A 088120447", "10/09/2001", "Eritrea", "Eloy Detention Center"],
        ["4", "AHMADZAI, Farida", "A215006932", "1994-01-17", "Afghanistan", "Otay Mesa Detention Center"],
    ]

    def table(rows, widths, style):
        t = Table([[Paragraph(c, head) for c in r] for r in rows[:2]] +
                  [[Paragraph(c, cell) for c in r] for r in rows[2:]], colWidths=widths, repeatRows=2)
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")] + style))
        return t

    ruled = [["", "Class Member", "", "", "Citizenship", "Custody"],
             ["No.", "Name", "A-Number", "Date of birth", "Country", "Facility"]] + people
    unruled = [["", "Class Member", "Identifiers", "", "Citizenship", "Custody"],
               ["No.", "Family name, given name(s)", "A-Number", "Date of birth", "Country of birth",
                "Detention facility"]] + people
    story = [Paragraph("Exhibit 3 - Detained class members as of January 6, 2025", title),
             table(ruled, [28, 150, 90, 80, 80, 140],
                   [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (1, 0), (3, 0))]),
             Paragraph("Counsel for the class: Legal Aid Office, 110 West C Street, San Diego.", cell),
             PageBreak(),
             Paragraph("Exhibit 4 - Released class members", title),
             table(unruled, [28, 100, 80, 60, 66, 90],
                   [("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black)])]
    SimpleDocTemplate(path, pagesize=letter, invariant=1).build(story)


def family_units(path):
    """Family units in a ruled table whose headers are plural ("A-Numbers",
    "Dates of birth"), each cell holding one line per family member."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=9, leading=11)
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=12, leading=15)
    rows = [["Unit", "Family members", "A-Numbers", "Dates of birth", "Country"],
            ["1", "Odalys Ferreira Quispe<br/>Thiago Ferreira Quispe", "A204417329<br/>A204417330",
             "1986-07-19<br/>2015-02-03", "Peru"],
            ["2", "Wanjiru Kamau Njoroge<br/>Amani Kamau Njoroge", "A211093458<br/>A211093459",
             "1991-11-28<br/>2019-06-14", "Kenya"],
            ["3", "Svitlana Hnatiuk", "A097265113", "1979-03-30", "Ukraine"]]
    t = Table([[Paragraph(c, head if i == 0 else cell) for c in r] for i, r in enumerate(rows)],
              colWidths=[30, 150, 90, 80, 80])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(path, pagesize=letter, invariant=1).build(
        [Paragraph("Family units released from Dilley, Texas", title), t])


def mailing_list_chromium(path):
    """A notice mailing list printed by Chromium: an unruled table numbered
    by a "No." column whose narrow Telephone column wraps "(505) 555-" over
    the last four digits, together with the name and address cells."""
    import subprocess, tempfile, os
    people = [("1", "Teodoro Anchundia Mero", "4410 Cerrillos Road, Apt. 12, Santa Fe, NM 87507", "(505) 555-0142"),
              ("2", "Yusra Abdelrahman", "88 Quarry Street, Unit 3, Quincy, MA 02169", "(617) 555-0163"),
              ("3", "Gulnara Seitkali Bekova", "2150 Maple Avenue, Apt. 7, Evanston, IL 60201", "(847) 555-0118"),
              ("4", "Rashid Nuristani", "915 Orchard Drive, Boise, ID 83705", "(208) 555-0190")]
    rows = "".join(f"<tr><td>{n}</td><td>{name}</td><td>{addr}</td><td>{tel}</td></tr>"
                   for n, name, addr, tel in people)
    html = ("<html><head><style>body{font-family:sans-serif;font-size:11pt} td,th{vertical-align:top;"
            "text-align:left;padding:2pt 6pt} th{font-weight:bold}</style></head><body>"
            "<h3>Notice list: class members served by first-class mail</h3>"
            "<table><tr><th>No.</th><th style='width:130pt'>Name</th><th style='width:170pt'>Mailing address</th>"
            "<th style='width:52pt'>Telephone</th></tr>" + rows + "</table></body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "list.html")
        with open(src, "w") as f:
            f.write(html)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--print-to-pdf=" + os.path.abspath(path), src], check=True, capture_output=True)


GROFF_ORDER = r""".nr PS 11
.nr VS 13
.LP
Plaintiff Ilse Vandermeer moves to file her exhibits under seal. Ms. Vandermeer received a
positive credible fear determination on May 2, 2024, and the exhibits repeat it.
The rule on which the motion rests provides:
.QP
Records pertaining to any reasonable fear determination conducted pursuant to
\(sc 1208.31, or to any application for asylum, shall not be disclosed without the
written consent of the applicant, except as this section permits. 8 C.F.R. \(sc 1208.6(b).
.LP
The motion is granted, and the clerk shall file the exhibits under seal.
"""


def quoted_regulation_groff(path):
    """An order that quotes a regulation in general terms as groff -ms sets a
    .QP quotation: indented on both sides with no more space before it than
    between lines, so the quotation runs in one block with the paragraphs
    around it. Needs groff and Ghostscript's ps2pdf."""
    import subprocess
    ps = subprocess.run(["groff", "-ms", "-Tps"], input=GROFF_ORDER.encode(), check=True,
                        capture_output=True).stdout
    subprocess.run(["ps2pdf", "-", path], input=ps, check=True)


if __name__ == "__main__":
    ruled_table("ruled_table_reportlab.pdf")
    label_above_form("label_above_form_reportlab.pdf")
    counsel_signature("counsel_signature_reportlab.pdf")
    translator_certificate("translator_certificate_reportlab.pdf")
    grouped_header("grouped_header_reportlab.pdf")
    family_units("family_units_reportlab.pdf")
    mailing_list_chromium("mailing_list_chromium.pdf")
    quoted_regulation_groff("quoted_regulation_groff.pdf")
    checkbox_determination("checkbox_determination_reportlab.pdf")
