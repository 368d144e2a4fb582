"""The documents of the evaluation set, built from people.py's invented data.

Each builder fills a model.Doc; identifiers go through doc.g(), public
items through doc.s(). Which producer renders a document is set in ALL.
"""
import random
import datetime
from model import Doc
import people as P
from people import COUNSEL, JUDGES, TRANSLATORS, OFFICERS, CASES, CITATIONS, REG_208_6, fmt_date

PEOPLE = P.make_people()


def nm(doc, p, text, note=None):
    return doc.g("name", text, p, P.listed(p), note)


def counsel_block(doc, c, slash=True, date=None):
    lines = []
    if date:
        lines.append("Dated: " + date)
    lines.append("Respectfully submitted,")
    lines.append(("/s/ " if slash else "") + doc.s(c["name"], "counsel"))
    lines.append(doc.s(c["name"], "counsel") if slash else "")
    lines = [l for l in lines if l]
    lines += [doc.s(c["bar"], "bar_number"), doc.s(c["firm"], "firm"), doc.s(c["addr"], "counsel_address"),
              doc.s(c["city"], "counsel_address"), doc.s(c["phone"], "counsel_phone"),
              doc.s(c["email"], "counsel_email"), doc.s(c["role"], "role")]
    return ("sig", lines)


def caption(doc, case_i, court_i, left_extra, title):
    name, number = CASES[case_i]
    courts = [doc.s(P.COURTS[court_i], "court")] if court_i != 0 else [doc.s(P.COURTS[0], "court"), doc.s(P.COURTS[1], "court")]
    left = left_extra + ["v.", "SECRETARY OF HOMELAND SECURITY, et al.,", "Defendants."]
    right = ["Case " + doc.s(number, "case_number"), "", title]
    return ("caption", courts, left, right)


def letterhead(doc, c):
    return ("letterhead", [doc.s(c["firm"], "firm"), doc.s(c["addr"], "counsel_address") + " · " + doc.s(c["city"], "counsel_address"),
                           "Tel. " + doc.s(c["phone"], "counsel_phone") + " · " + doc.s(c["email"], "counsel_email")])


# ------------------------------------------------------------------ tables --
def t_detention(doc, ps, rng, spanish=False, wrapped=False, cf=True, two_head=False):
    if spanish:
        head = [["N.º", "Nombre del detenido", "Número A", "Fecha de nacimiento", "País", "Centro"]]
        if cf:
            head[0].append("Resultado MCF")
    else:
        head = [["#", "Detainee Name", "A-Number", "DOB", "Nationality", "Facility"]]
        if cf:
            head[0].append("CFI Outcome")
    if two_head:
        head = [["", "Class Member", "Identifiers", "", "Citizenship", "Custody"] + (["Fear screening"] if cf else []),
                ["No.", "Family name, given name(s)", "A-Number", "Date of birth", "Country", "Facility"] + (["Status"] if cf else [])]
    rows = []
    for i, p in enumerate(ps, 1):
        name = p.last_first(caps=rng.random() < 0.6)
        if wrapped and rng.random() < 0.5:
            name = p.last_first(caps=True)
        row = [str(i), nm(doc, p, name), doc.g("a_number", p.a(rng.choice([0, 1, 3, 4]))),
               doc.g("dob", p.d(rng.choice([0, 0, 1, 4]) if not spanish else rng.choice([4, 1]))),
               p.country, doc.s(p.facility, "facility")]
        if cf:
            row.append(doc.g("credible_fear", p.cf))
        rows.append(row)
    w = [5, 27, 15, 13, 12, 16] + ([12] if cf else [])
    if not cf:
        w[1] += 12
    return ("table", dict(head=head, rows=rows, ruled=doc.ruled, widths=w))


def doc_detention(name, producer, ps, seed, spanish=False, ruled=True, two_head=False, cf=True):
    rng = random.Random(seed)
    d = Doc(name, "tables", producer, "Detention list")
    d.ruled = ruled
    cname, cnum = CASES[0]
    d.footer = "CONFIDENTIAL – SUBJECT TO PROTECTIVE ORDER – " + cnum
    d.s(cnum, "case_number")
    if spanish:
        d.add("h", "LISTA DE PERSONAS DETENIDAS – ANEXO 3")
        d.add("p", "Producido conforme a la Orden de Protección en " + d.s(cname, "case_name") + ", " + d.s(cnum, "case_number") + ". Documento reservado conforme a " + d.s("8 C.F.R. § 208.6", "citation") + ".")
    else:
        d.add("h", "EXHIBIT 3 – DETAINED CLASS MEMBERS AS OF " + d.s("JANUARY 6, 2025", "date_public"))
        d.add("p", "Produced by Defendants pursuant to the Stipulated Protective Order in " + d.s(cname, "case_name") + ", " + d.s(cnum, "case_number") + ". Confidential under " + d.s("8 C.F.R. § 208.6", "citation") + ".")
    d.add(*t_detention(d, ps, rng, spanish, cf=cf, two_head=two_head))
    d.add("p", "Prepared by " + d.s(OFFICERS[0], "officer") + ", " + d.s("San Diego Field Office", "agency") + ".")
    return d


def doc_contacts(name, producer, ps, seed, ruled=False):
    """Wrapped cells: addresses, phones, e-mail of class members."""
    rng = random.Random(seed)
    d = Doc(name, "tables", producer, "Class member contact list")
    d.ruled = ruled
    cname, cnum = CASES[1]
    d.add("h", "ATTACHMENT B – CLASS MEMBER NOTICE MAILING LIST")
    d.add("p", "Class Counsel " + d.s(COUNSEL[2]["firm"], "firm") + " will mail the notice approved in " + d.s(cnum, "case_number") + " to the following addresses.")
    rows = []
    for i, p in enumerate(ps, 1):
        rows.append([str(i), nm(d, p, p.first_last() if rng.random() < 0.5 else p.caps()),
                     d.g("address", p.address_us), d.g("phone", p.phone_us if rng.random() < 0.6 else p.phone_home),
                     d.g("email", p.email)])
    d.add("table", dict(head=[["No.", "Name", "Mailing address", "Telephone", "E-mail"]], rows=rows,
                        ruled=ruled, widths=[5, 22, 33, 17, 23]))
    d.add(*counsel_block(d, COUNSEL[2]))
    return d


def doc_family_units(name, producer, ps, seed, ruled=True):
    """Multi-line cells: a head of household and the children in one cell."""
    rng = random.Random(seed)
    d = Doc(name, "tables", producer, "Family units")
    d.ruled = ruled
    d.add("h", "FAMILY UNITS RELEASED FROM " + d.s("SOUTH TEXAS FAMILY RESIDENTIAL CENTER", "facility").upper())
    d.add("p", "Report filed under " + d.s(CASES[1][1], "case_number") + ". Children are listed under the parent with whom they arrived.")
    rows = []
    for i in range(0, len(ps) - 2, 3):
        head, k1, k2 = ps[i], ps[i + 1], ps[i + 2]
        kids = [(k1.first + " " + head.last), (k2.first + " " + head.last)]
        kid_p = [k1, k2]
        cell_names = "\n".join([nm(d, head, head.first_last())] + [d.g("name", k, p_, False, "child, not on list") for k, p_ in zip(kids, kid_p)])
        cell_a = "\n".join(d.g("a_number", x.a(0)) for x in (head, k1, k2))
        cell_d = "\n".join(d.g("dob", x.d(1)) for x in (head, k1, k2))
        rows.append([str(i // 3 + 1), cell_names, cell_a, cell_d, head.country, d.g("address", head.address_us)])
    d.add("table", dict(head=[["Unit", "Family members", "A-Numbers", "Dates of birth", "Country", "Release address"]],
                        rows=rows, ruled=ruled, widths=[6, 24, 16, 14, 12, 28]))
    return d


def doc_receipts(name, producer, ps, seed, ruled=False, spanish=False):
    rng = random.Random(seed)
    d = Doc(name, "tables", producer, "Receipt tracking")
    d.ruled = ruled
    office = d.s("Houston Asylum Office", "agency")
    if spanish:
        d.add("h", "SEGUIMIENTO DE SOLICITUDES I-589 – " + office.upper())
        head = [["Solicitante", "", "Recibo USCIS", "", "Fecha de"], ["Apellidos", "Nombre", "Número de recibo", "Número A", "presentación"]]
    else:
        d.add("h", "I-589 RECEIPT TRACKING – " + office.upper())
        head = [["Applicant", "", "USCIS", "", "Date"], ["Last name", "First name", "Receipt No.", "Alien No.", "filed"]]
    rows = []
    for p in ps:
        last = p.last.upper() if rng.random() < 0.5 else p.last
        given = " ".join(x for x in (p.first, p.middle) if x)
        rows.append([nm(d, p, last, "surname cell"), nm(d, p, given, "given-name cell"), d.g("receipt_number", p.receipt),
                     d.g("a_number", p.a(rng.choice([0, 3]))), fmt_date(p.entry + datetime.timedelta(days=60))])
    d.add("table", dict(head=head, rows=rows, ruled=ruled, widths=[22, 20, 22, 18, 18]))
    d.add("p", "Questions: " + d.s("Asylum Division, Houston Asylum Office", "agency") + ".")
    return d


# ------------------------------------------------------------------- forms --
def doc_form_fields(name, producer, p, seed, kind="i589", spanish=False, layout="above"):
    rng = random.Random(seed)
    d = Doc(name, "forms", producer, kind)
    if kind == "i589":
        if spanish:
            d.add("h", "Formulario I-589, Solicitud de Asilo y de Suspensión de Remoción (traducción de cortesía)")
            d.add("p", "Parte A.I. Información sobre usted")
            f = [("1. Número de Registro de Extranjero (Número A) (si tiene)", d.g("a_number", p.a(3))),
                 ("2. Número de Seguro Social (si tiene)", "Ninguno"),
                 ("4. Apellido(s) completo(s)", nm(d, p, p.last.upper())),
                 ("5. Primer nombre", nm(d, p, p.first)),
                 ("6. Segundo nombre", nm(d, p, p.middle) if p.middle else "N/A"),
                 ("8. Dirección residencial en los EE. UU.", d.g("address", p.address_us)),
                 ("Teléfono", d.g("phone", p.phone_us)),
                 ("10. Fecha de nacimiento (mm/dd/aaaa)", d.g("dob", p.d(0))),
                 ("12. País de nacimiento", p.country),
                 ("Correo electrónico", d.g("email", p.email))]
        else:
            d.add("h", "Form I-589, Application for Asylum and for Withholding of Removal")
            d.add("p", "Part A.I. Information About You")
            f = [("1. Alien Registration Number(s) (A-Number) (if any)", d.g("a_number", p.a(3))),
                 ("2. U.S. Social Security Number (if any)", "None"),
                 ("3. USCIS Online Account Number (if any)", "None"),
                 ("4. Complete Last Name", nm(d, p, p.last.upper())),
                 ("5. First Name", nm(d, p, p.first)),
                 ("6. Middle Name", nm(d, p, p.middle) if p.middle else "N/A"),
                 ("7. What other names have you used?", "None"),
                 ("8. Residence in the U.S. (where you physically reside)", d.g("address", p.address_us)),
                 ("Telephone Number", d.g("phone", p.phone_us)),
                 ("9. Date of Birth (mm/dd/yyyy)", d.g("dob", p.d(0))),
                 ("10. City and Country of Birth", p.country),
                 ("Receipt Number", d.g("receipt_number", p.receipt))]
    else:  # i213-like, label left
        d.add("h", "Record of Deportable/Inadmissible Alien (Form I-213 extract)")
        f = [("Family Name (CAPS)", nm(d, p, p.last.upper())), ("First Name", nm(d, p, p.first)),
             ("Middle Name", nm(d, p, p.middle) if p.middle else "—"),
             ("A-Number", d.g("a_number", p.a(0))), ("Date of Birth", d.g("dob", p.d(0))),
             ("Country of Citizenship", p.country),
             ("Address in United States", d.g("address", p.address_us)),
             ("Date/Place/Time/Manner of Last Entry", fmt_date(p.entry) + ", near Hidalgo, TX, EWI"),
             ("Processing Officer", d.s(OFFICERS[2], "officer"))]
    d.add("fields", f, layout)
    if kind == "i213":
        d.add("h", "Narrative")
        d.add("p", "On " + fmt_date(p.entry, 1) + ", " + d.s(OFFICERS[2], "officer") + " encountered the subject, " +
              nm(d, p, p.caps()) + ", approximately two miles west of the Hidalgo Port of Entry. " +
              nm(d, p, p.honorific()) + " stated that " + ("she" if p.female else "he") +
              " fears returning to " + p.country + ". The subject was referred for a " +
              d.g("credible_fear", "credible fear interview") + " and transported to " + d.s(p.facility, "facility") + ".")
    else:
        d.add("p", "Part D. Your Signature. I certify, under penalty of perjury under the laws of the United States of America, "
                   "that this application and the evidence submitted with it are all true and correct.")
        d.add("fields", [("Signature of applicant", nm(d, p, p.first_last())),
                         ("Preparer", d.s(COUNSEL[1]["name"], "counsel") + ", " + d.s(COUNSEL[1]["firm"], "firm")),
                         ("Interpreter", d.s(TRANSLATORS[0][0], "translator"))], "left")
    return d


# ------------------------------------------------------------- declarations --
def doc_declaration(name, producer, p, kids, seed, spanish=False, translator=0):
    rng = random.Random(seed)
    d = Doc(name, "declarations", producer, "Declaration")
    cname, cnum = CASES[0]
    d.add(*caption(d, 0, 0, [nm(d, p, p.caps() if rng.random() < 0.5 else p.full()) + ",", "Plaintiff,"],
                   "DECLARATION OF " + nm(d, p, p.caps())))
    t = TRANSLATORS[translator]
    if spanish:
        d.add("p", "Yo, " + nm(d, p, p.full()) + ", declaro lo siguiente:")
        d.add("p", "1. Nací el " + d.g("dob", p.d(2)) + " en " + p.country + ". Mi número de extranjero es " + d.g("a_number", p.a(1)) + ".")
        d.add("p", "2. Llegué a los Estados Unidos con mis hijos " + d.g("name", kids[0].first + " " + p.sur1, kids[0], False, "child") +
              " y " + d.g("name", kids[1].first + " " + p.sur1, kids[1], False, "child") + ". Fuimos detenidos en " + d.s(p.facility, "facility") + ".")
        d.add("p", "3. El " + d.g("credible_fear", fmt_date(p.cfi_date, 2), note="date of CFI") + " tuve mi " + d.g("credible_fear", "entrevista de miedo creíble") +
              ". El oficial de asilo decidió que tenía un " + d.g("credible_fear", "miedo creíble positivo") + ".")
        d.add("p", "4. Vivo en " + d.g("address", p.address_us) + ". Mi teléfono es " + d.g("phone", p.phone_us) + ". Mi abogada es " +
              d.s(COUNSEL[2]["name"], "counsel") + " de " + d.s(COUNSEL[2]["firm"], "firm") + ".")
        d.add("p", "5. Mi hermana " + d.g("name", p.sr() if False else "Rosa " + p.last, None, None, "sister, cued") + " todavía vive en " + d.g("address", p.address_home) + ".")
    else:
        d.add("p", "I, " + nm(d, p, p.full()) + ", declare as follows:")
        d.add("p", "1. I was born on " + d.g("dob", p.d(3)) + " in " + p.country + ". My A-number is " + d.g("a_number", p.a(2)) + ".")
        d.add("p", "2. I entered the United States on " + fmt_date(p.entry, 1) + " with my son, " +
              d.g("name", kids[0].first + " " + p.sur1, kids[0], False, "child") + ", and my daughter, " +
              d.g("name", kids[1].first + " " + p.sur1, kids[1], False, "child") + ". We were held at " + d.s(p.facility, "facility") + ".")
        d.add("p", "3. On " + d.g("credible_fear", fmt_date(p.cfi_date, 1), note="date of CFI") + ", I had my " + d.g("credible_fear", "credible fear interview") +
              ". The asylum officer found that I had a " + d.g("credible_fear", "positive credible fear") + " and I was issued a Notice to Appear.")
        d.add("p", "4. My USCIS receipt number is " + d.g("receipt_number", p.receipt) + ". I live at " + d.g("address", p.address_us) +
              " and my telephone number is " + d.g("phone", p.phone_home) + ". My attorney is " + d.s(COUNSEL[0]["name"], "counsel") + ".")
        d.add("p", "5. I understand that " + d.s("8 C.F.R. § 208.6", "citation") + " protects the confidentiality of my application.")
    d.add("p", "I declare under penalty of perjury under the laws of the United States that the foregoing is true and correct.")
    d.add("sig", ["Executed on " + d.s("February 3, 2025", "date_public") + ", at San Diego, California.", "", nm(d, p, p.full())])
    d.add("h", "CERTIFICATE OF TRANSLATION")
    d.add("p", "I, " + d.s(t[0], "translator") + ", certify that I am competent to translate from " + t[1] +
          " into English, and that the above is a true and accurate translation of the declaration of " + nm(d, p, p.initial_last()) + ".")
    d.add("sig", ["/s/ " + d.s(t[0], "translator"), "Certified Court Interpreter", d.s("Lingua Legal Services, Inc.", "firm")])
    return d


# ------------------------------------------------------------------ letters --
def doc_letter(name, producer, p, seed, c=0, spanish=False):
    rng = random.Random(seed)
    d = Doc(name, "letters", producer, "Letter")
    co = COUNSEL[c]
    d.add(*letterhead(d, co))
    d.add("p", d.s("March 11, 2025", "date_public"))
    d.add("p", "Field Office Director, " + d.s("San Diego Field Office", "agency") + ", " + d.s("U.S. Immigration and Customs Enforcement", "agency"))
    d.add("fields", [("Re:", "Request for release on parole of " + nm(d, p, p.first_last())),
                     ("A-Number:", d.g("a_number", p.a(rng.choice([0, 1, 2])))),
                     ("Date of birth:", d.g("dob", p.d(0))),
                     ("Facility:", d.s(p.facility, "facility"))], "left")
    d.add("p", "Dear Director:")
    d.add("p", "This office represents " + nm(d, p, p.honorific()) + " in " + ("her" if p.female else "his") +
          " asylum proceedings. " + nm(d, p, p.initial_last(), "abbreviated") + " passed " + ("her" if p.female else "his") + " " +
          d.g("credible_fear", "credible fear interview") + " on " + d.g("credible_fear", fmt_date(p.cfi_date, 1), note="date of CFI") +
          ", and " + ("her" if p.female else "his") + " Form I-589 is pending under receipt number " + d.g("receipt_number", p.receipt) + ".")
    d.add("p", "If released, " + nm(d, p, p.honorific_initial(), "abbreviated") + " will reside with a sponsor at " +
          d.g("address", p.address_us) + " and can be reached at " + d.g("phone", p.phone_us) + ". " +
          "Please contact me at " + d.s(co["phone"], "counsel_phone") + " or " + d.s(co["email"], "counsel_email") + " with any questions. "
          "We rely on " + d.s(CITATIONS[6], "citation") + " and " + d.s(CITATIONS[3], "citation") + ".")
    d.add("sig", ["Sincerely,", "/s/ " + d.s(co["name"], "counsel"), d.s(co["name"], "counsel"), d.s(co["bar"], "bar_number"),
                  d.s(co["role"].replace("Plaintiffs", "Plaintiff").replace("Petitioners", "Petitioner"), "role")])
    d.add("p", "cc: " + nm(d, p, p.initials(), "initials") + " (client); " + d.s(COUNSEL[3]["name"], "counsel") + ", " + d.s(COUNSEL[3]["firm"], "firm"))
    return d


# ------------------------------------------------------------------- orders --
def doc_order(name, producer, ps, seed, court=0, case=0, judge=0):
    rng = random.Random(seed)
    d = Doc(name, "orders", producer, "Order")
    p1, p2 = ps[0], ps[1]
    d.add(*caption(d, case, court, [d.s(CASES[case][0].split(" v. ")[0].upper(), "case_name") + ",", "Plaintiffs,"],
                   "ORDER GRANTING MOTION TO PROCEED UNDER PSEUDONYM AND TO SEAL"))
    d.add("p", "Before the Court is the motion of Plaintiff " + nm(d, p1, p1.full()) + " (A-Number " + d.g("a_number", p1.a(4)) +
          ") and Plaintiff " + nm(d, p2, p2.caps()) + " to proceed under pseudonyms. (ECF No. 212.) Counsel " +
          d.s(COUNSEL[0]["name"], "counsel") + " appeared for Plaintiffs; " + d.s(COUNSEL[3]["name"], "counsel") + " appeared for Defendants.")
    d.add("p", nm(d, p1, p1.honorific()) + " received a " + d.g("credible_fear", "positive credible fear determination") + " on " +
          d.g("credible_fear", fmt_date(p1.cfi_date, 1), note="date of CFI") + ". " + nm(d, p2, p2.initial_last(), "abbreviated") +
          " received a " + d.g("credible_fear", "negative credible fear finding") + ", which an immigration judge vacated. " +
          ("Her" if p2.female else "His") + " date of birth is " + d.g("dob", p2.d(3)) + ".")
    d.add("p", "The regulation provides:")
    d.add("quote", d.s(REG_208_6, "regulation_quote") + " " + d.s("8 C.F.R. § 208.6(a)", "citation") + ".")
    d.add("p", "See also " + d.s(CITATIONS[4], "citation") + "; " + d.s(CITATIONS[6], "citation") + "; " + d.s(CITATIONS[7], "citation") +
          ". Records of the " + d.s("Otay Mesa Detention Center", "facility") + " filed at ECF No. 214 shall remain sealed.")
    d.add("p", "Accordingly, the motion is GRANTED. Plaintiffs shall be referred to as " + d.s("Jane Doe 1", "pseudonym") + " and " +
          d.s("John Doe 2", "pseudonym") + " in all public filings. Defendants shall file a redacted copy of Exhibit 3, which lists "
          + nm(d, ps[2], ps[2].honorific(), "cued by honorific") + " and " + nm(d, ps[3], ps[3].first_last()) + ", within fourteen days.")
    d.add("p", "IT IS SO ORDERED.")
    d.add("sig", ["Dated: " + d.s("April 2, 2025", "date_public"), d.s(JUDGES[judge], "judge"), "United States District Judge"])
    return d


def doc_status_report(name, producer, ps, seed, c=3, ruled=False):
    rng = random.Random(seed)
    d = Doc(name, "orders", producer, "Status report")
    d.ruled = ruled
    d.add(*caption(d, 1, 2, [d.s("L.M.R.", "case_name") + ", et al.,", "Petitioners,"], "JOINT STATUS REPORT"))
    d.add("p", "Pursuant to the Court's Order of " + d.s("January 15, 2025", "date_public") + " (ECF No. 88), the parties submit this joint status report. "
          "Under " + d.s("8 C.F.R. § 208.30", "citation") + ", the following class members have received fear screenings since the last report:")
    rows = []
    for i, p in enumerate(ps, 1):
        rows.append([str(i), nm(d, p, p.initial_last() if i % 2 else p.honorific(), "abbreviated"),
                     d.g("a_number", p.a(1)), d.g("credible_fear", p.cf), d.g("credible_fear", fmt_date(p.cfi_date, 0), note="date of CFI")])
    d.add("table", dict(head=[["", "Class member", "A-Number", "Result", "Interview date"]], rows=rows, ruled=ruled,
                        widths=[6, 30, 22, 24, 18]))
    d.add("p", "Petitioners' counsel, " + d.s(COUNSEL[1]["name"], "counsel") + ", continues to confer with " + d.s(COUNSEL[3]["name"], "counsel") +
          " regarding " + nm(d, ps[0], ps[0].honorific_initial(), "abbreviated") + ", whose interview was rescheduled.")
    d.add(*counsel_block(d, COUNSEL[c], date=d.s("March 3, 2025", "date_public")))
    d.add("h", "CERTIFICATE OF SERVICE")
    d.add("p", "I certify that on " + d.s("March 3, 2025", "date_public") + " I filed the foregoing through the Court's CM/ECF system, which will serve "
          + d.s(COUNSEL[1]["name"], "counsel") + " and " + d.s(COUNSEL[4]["name"], "counsel") + ".")
    return d


def doc_exhibits(name, producer, ps, seed, ruled=True):
    rng = random.Random(seed)
    d = Doc(name, "orders", producer, "Exhibit list")
    d.ruled = ruled
    d.bates = ("DEF-", 4001)
    d.add("h", "INDEX OF EXHIBITS TO " + d.s("DECLARATION OF " + COUNSEL[0]["name"].upper(), "counsel"))
    d.add("p", d.s(CASES[0][0], "case_name") + ", " + d.s(CASES[0][1], "case_number"))
    rows, b = [], 4101
    for i, p in enumerate(ps):
        kind = rng.choice(["Declaration of ", "Form I-589 of ", "Form I-870 (Record of Determination) for ", "Form I-213 for "])
        who = nm(d, p, p.full() if kind.startswith("Decl") else p.initials() if "589" in kind else p.caps(),
                 None if kind.startswith("Decl") else "initials/caps")
        desc = kind + who
        if "870" in kind:
            desc += ", " + d.g("a_number", p.a(0))
        n = rng.randint(3, 20)
        bates = d.s("DEF-%06d" % b, "bates") + " – " + d.s("DEF-%06d" % (b + n), "bates")
        b += n + 1
        rows.append([d.s("Ex. %d" % (i + 1), "exhibit"), desc, bates])
    d.add("table", dict(head=[["Exhibit", "Description", "Bates range"]], rows=rows, ruled=ruled, widths=[12, 58, 30]))
    d.add(*counsel_block(d, COUNSEL[0]))
    return d
