#!/usr/bin/python3
"""Pleading paper and a deposition transcript for tests/e2e/pleading_test.cpp.

Run with Debian's python3-reportlab:  /usr/bin/python3 make_pleading_pdfs.py
Every person here is invented. Both pages set a listed name among what a
court's paper puts into the text flow: the line-number column of pleading
paper (1-28, one per ruled line, blank lines numbered too), and a court
reporter's line numbers and middle-dot spacers ("·CRYSTAL LONG,·").
"""
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

W, H = letter


def pleading_paper(path):
    """California pleading paper: 28 numbered lines, double rule at the left.

    As word processors' pleading templates set it: the numbers right-aligned
    just left of the rule, the body starting 15 pt right of them (closer
    than a column gap, so a reader takes "5 Peluso" for one line).

    "Patrick H." ends line 4 and "Peluso" starts line 5, right of the
    number 5; "Peluso" comes back alone on line 12. No cue ("Plaintiff
    Patrick") stands before the name: only the names list can find it.
    """
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    top, step = H - 72, 24  # line 1's baseline; double spacing
    c.setLineWidth(0.7)
    c.line(68, H, 68, 0)  # the double rule left of the body
    c.line(71, H, 71, 0)
    c.line(540, H, 540, 0)  # the single rule at the right
    c.setFont("Times-Roman", 12)
    for n in range(1, 29):
        c.drawRightString(64, top - (n - 1) * step, str(n))
    body = {
        1: "Jordan A. Whitfield (SBN 281144)",
        2: "WHITFIELD IMMIGRATION LAW",
        3: "Attorney for Plaintiff",
        4: "                    This complaint is brought through counsel on behalf of Patrick H.",
        5: "Peluso (\"Plaintiff\") resides in San Diego County, California, and entered the",
        6: "United States in 2019, and has lived there since with his wife and children.",
        8: "                    The agency has not decided the application in the years since it",
        9: "was filed, and has not said when it will decide it. Defendants owe a decision.",
        11: "                    Throughout these proceedings the agency has had every document",
        12: "it asked for. Peluso answered each request for evidence within the time allowed.",
        14: "                    Plaintiff asks the Court to order Defendants to adjudicate the",
        15: "application within thirty days of the Court's order.",
        27: "COMPLAINT FOR WRIT OF MANDAMUS",
    }
    for n, text in body.items():
        c.drawString(79, top - (n - 1) * step, text)
    c.showPage()
    c.save()


def transcript(path):
    """A deposition page: 25 numbered lines, words set apart by middle dots."""
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    top, step = H - 90, 24
    c.setFont("Courier", 12)
    c.drawString(300, H - 50, "Page 4")
    lines = {
        1: "· · · · · · · · ·DEPOSITION OF THE WITNESS",
        3: "· · · · Q.· ·And your name is·CRYSTAL LONG,·is that right?",
        4: "· · · · A.· ·Yes.",
        5: "· · · · Q.· ·Where do you live now?",
        6: "· · · · A.· ·In Tucson, with my aunt.",
        8: "· · · · Q.· ·When did you arrive in the United States?",
        9: "· · · · A.· ·In March of 2021.",
    }
    for n in range(1, 26):
        y = top - (n - 1) * step
        c.drawRightString(60, y, str(n))
        if n in lines:
            c.drawString(72, y, lines[n])
    c.showPage()
    c.save()


if __name__ == "__main__":
    pleading_paper("pleading_paper_reportlab.pdf")
    transcript("transcript_reportlab.pdf")
