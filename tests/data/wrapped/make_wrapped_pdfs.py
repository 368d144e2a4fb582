#!/usr/bin/python3
"""Identifiers a line break splits after their own hyphen, for
tests/e2e/wrapped_identifiers_test.cpp.

Run with Debian's python3-reportlab:  /usr/bin/python3 make_wrapped_pdfs.py
Every number here is invented. A word processor wraps a long line after a
hyphen, also inside "(354) 508-9030": bench/peers.sh's LibreOffice filing
kept 357 of its 14,000 identifiers so ("(354) 508-" / "9030"), which
pdftotext reads back as "(354) 5089030".
"""
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

W, H = letter


def wrapped(path):
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    c.setFont("Helvetica", 11)
    lines = [
        "The respondent testified credibly before the Immigration Judge, and the applicant may be",
        "reached at (354) 508-",
        "9030 during business hours. Her alien registration number, A-201-",
        "234-567, appears on the notice, and her receipt number is EAC-21-",
        "900-12345. Dana K. Whitfield, of Whitfield & Ortega LLP, argued for the respondent.",
        "See INS v. Cardoza-Fonseca, 480 U.S. 421 (1987), and Matter of Acosta, 19 I&N Dec. 211.",
    ]
    y = H - 90
    for line in lines:
        c.drawString(72, y, line)
        y -= 15
    c.showPage()
    c.save()


if __name__ == "__main__":
    wrapped("wrapped_identifiers_reportlab.pdf")
