"""Canvas-drawn USCIS/DHS-style forms (reportlab): I-589, I-870, I-213."""
from reportlab.lib.units import inch
from model import Doc
from rl import Form
import people as P
from people import OFFICERS, TRANSLATORS, COUNSEL, fmt_date


def nm(doc, p, text, note=None):
    return doc.g("name", text, p, P.listed(p), note)


def i589(name, p, spouse, path, spanish=False):
    d = Doc(name, "forms", "reportlab", "I-589")
    f = Form(d, path, font="DejaVuSans")
    L = (lambda en, es: es if spanish else en)
    f.header(L("Application for Asylum and for Withholding of Removal", "Solicitud de Asilo y de Suspensión de Remoción"),
             L("Department of Homeland Security · U.S. Citizenship and Immigration Services",
               "Departamento de Seguridad Nacional · Servicio de Ciudadanía e Inmigración"), "OMB No. 1615-0067 · Form I-589")
    f.section(L("Part A.I. Information About You", "Parte A.I. Información sobre usted"))
    f.comb(L("1. Alien Registration Number (A-Number) (if any)", "1. Número de Registro de Extranjero (Número A)"),
           d.g("a_number", p.anum, note="comb field, one digit per box"), 9, prefix="A-")
    f.comb(L("3. USCIS Online Account Number (if any)", "3. Número de cuenta en línea de USCIS"), "", 12)
    f.boxes([(L("4. Complete Last Name", "4. Apellido(s) completo(s)"), nm(d, p, p.last.upper()), 2.6),
             (L("5. First Name", "5. Primer nombre"), nm(d, p, p.first), 2.4),
             (L("6. Middle Name", "6. Segundo nombre"), nm(d, p, p.middle) if p.middle else "", 2.3)])
    f.boxes([(L("7. What other names have you used (include maiden name and aliases)?",
                "7. ¿Qué otros nombres ha usado (incluya apellido de soltera y alias)?"),
              nm(d, p, p.first + " " + p.sur1 + " a.k.a. " + (p.sur1[0] + ". " + p.first).upper(), "alias") if spanish is False else
              nm(d, p, "alias " + p.first.upper() + " " + p.sur1.upper(), "alias"), 7.3)])
    f.boxes([(L("8. Residence in the U.S. (Street Number and Name, Apt. Number, City, State, Zip)",
                "8. Residencia en los EE. UU. (número y calle, apto., ciudad, estado, código postal)"),
              d.g("address", p.address_us), 5.3),
             (L("Telephone Number", "Número de teléfono"), d.g("phone", p.phone_us), 2.0)])
    f.comb(L("9. Date of Birth (mm/dd/yyyy)", "9. Fecha de nacimiento (mm/dd/aaaa)"),
           d.g("dob", p.d(0), note="comb field") , 10)
    f.boxes([(L("10. City and Country of Birth", "10. Ciudad y país de nacimiento"), p.country, 3.0),
             (L("11. Present Nationality", "11. Nacionalidad actual"), p.country, 2.2),
             (L("13. Race, Ethnic, or Tribal Group", "13. Raza o grupo étnico"), "—", 2.1)])
    f.check(L("14. Sex:", "14. Sexo:"), [L("Male", "Masculino"), L("Female", "Femenino")],
            L("Female", "Femenino") if p.female else L("Male", "Masculino"))
    f.check(L("15. Marital Status:", "15. Estado civil:"), [L("Single", "Soltero(a)"), L("Married", "Casado(a)"),
                                                          L("Divorced", "Divorciado(a)"), L("Widowed", "Viudo(a)")], L("Married", "Casado(a)"))
    f.boxes([(L("16. Receipt Number of pending application", "16. Número de recibo de la solicitud pendiente"),
              d.g("receipt_number", p.receipt), 3.0),
             (L("17. E-mail Address", "17. Correo electrónico"), d.g("email", p.email), 4.3)])
    f.section(L("Part A.II. Information About Your Spouse and Children", "Parte A.II. Información sobre su cónyuge e hijos"))
    f.boxes([(L("1. Spouse's Alien Registration Number", "1. Número A del cónyuge"), d.g("a_number", spouse.a(3)), 2.3),
             (L("3. Complete Last Name", "3. Apellido(s)"), d.g("name", spouse.last.upper(), spouse, False, "spouse"), 2.6),
             (L("4. First Name", "4. Primer nombre"), d.g("name", spouse.first, spouse, False, "spouse"), 2.4)])
    f.boxes([(L("8. Date of Birth", "8. Fecha de nacimiento"), d.g("dob", spouse.d(0)), 2.3),
             (L("12. Is this person included in the application?", "12. ¿Está incluido en la solicitud?"), L("Yes", "Sí"), 5.0)])
    f.section(L("Part B. Information About Your Application", "Parte B. Información sobre su solicitud"))
    f.check(L("1. I am seeking asylum or withholding of removal based on:", "1. Solicito asilo o suspensión de remoción por:"),
            [L("Race", "Raza"), L("Religion", "Religión"), L("Nationality", "Nacionalidad"),
             L("Political opinion", "Opinión política"), L("Particular social group", "Grupo social determinado")],
            L("Political opinion", "Opinión política"))
    f.text(L("A. Have you, your family, or close friends or colleagues ever experienced harm or mistreatment? "
             "If yes, explain. ", "A. ¿Usted, su familia o amigos cercanos han sufrido daño o maltrato? Si la respuesta es sí, explique. ")
           + L("In my town I was threatened by a gang because I reported a killing. My brother ",
             "En mi pueblo me amenazó una pandilla porque denuncié un asesinato. Mi hermano ")
           + d.g("name", "Wilfredo " + p.last, None, False, "brother, cued") +
           L(" was beaten in front of our house.", " fue golpeado frente a nuestra casa."))
    f.footer(L("Form I-589 Edition 01/20/25", "Formulario I-589 Edición 01/20/25") + "   Page 1")
    f.page()
    f.header(L("Part D. Your Signature", "Parte D. Su firma"), "Form I-589", "Page 2")
    f.text(L("I certify, under penalty of perjury under the laws of the United States of America, that this application and "
             "the evidence submitted with it are all true and correct.",
             "Certifico, bajo pena de perjurio según las leyes de los Estados Unidos, que esta solicitud y las pruebas "
             "presentadas son verdaderas y correctas."))
    f.left(L("Print your complete name:", "Escriba su nombre completo:"), nm(d, p, p.full()))
    f.left(L("Write your name in your native alphabet:", "Nombre en su alfabeto nativo:"), nm(d, p, p.full()))
    f.left(L("Date (mm/dd/yyyy):", "Fecha (mm/dd/aaaa):"), "02/14/2025")
    f.section(L("Part E. Declaration of Person Preparing Form", "Parte E. Declaración de quien preparó el formulario"))
    f.left(L("Preparer's name:", "Nombre del preparador:"), d.s(COUNSEL[1]["name"], "counsel"))
    f.left(L("Firm:", "Bufete:"), d.s(COUNSEL[1]["firm"], "firm"))
    f.left(L("Address:", "Dirección:"), d.s(COUNSEL[1]["addr"], "counsel_address") + ", " + d.s(COUNSEL[1]["city"], "counsel_address"))
    f.left(L("Daytime telephone:", "Teléfono:"), d.s(COUNSEL[1]["phone"], "counsel_phone"))
    f.left(L("Interpreter:", "Intérprete:"), d.s(TRANSLATORS[0][0], "translator"))
    f.text(L("Applicant's initials on each page: ", "Iniciales del solicitante en cada página: ") + nm(d, p, p.initials(), "initials"))
    f.save()
    return d


def i870(name, p, path):
    d = Doc(name, "forms", "reportlab", "I-870")
    f = Form(d, path, font="Helvetica")
    f.header("Record of Determination/Credible Fear Worksheet", "U.S. Citizenship and Immigration Services · Asylum Division",
             d.g("credible_fear", "Form I-870", note="worksheet title on an individual's record"))
    f.section("Section I: Biographical Information")
    f.left("A-Number:", d.g("a_number", p.a(1)))
    f.left("Applicant's Last Name:", nm(d, p, p.last.upper()))
    f.left("First Name:", nm(d, p, p.first))
    f.left("Date of Birth:", d.g("dob", p.d(1)))
    f.left("Country of Nationality:", p.country)
    f.left("Detention Facility:", d.s(p.facility, "facility"))
    f.left("Language:", p.language)
    f.left("Interpreter ID / Name:", d.s("ID 224011", "interpreter_id") + " · " + d.s(TRANSLATORS[0][0], "translator"))
    f.section("Section II: Interview")
    f.left("Date of interview:", d.g("credible_fear", fmt_date(p.cfi_date, 0), note="date of CFI"))
    f.left("Asylum Officer:", d.s(OFFICERS[3], "officer"))
    f.left("Supervisory Asylum Officer:", d.s(OFFICERS[1], "officer"))
    f.section("Section III: Determination")
    f.check("Credible fear of persecution established:", ["Yes", "No"], "Yes")
    f.check("Credible fear of torture established:", ["Yes", "No"], "No")
    f.left("Result:", d.g("credible_fear", "Positive credible fear finding", note="outcome"))
    f.text("The applicant, " + nm(d, p, p.honorific()) + ", testified credibly that " + ("she" if p.female else "he") +
           " was targeted on account of political opinion. Issue " + d.g("credible_fear", "NTA following positive CF") + ". "
           "This worksheet is confidential under " + d.s("8 C.F.R. § 208.6", "citation") + " and " + d.s("8 C.F.R. § 208.30", "citation") + ".")
    f.footer("Form I-870 (Rev. 01/2025)")
    f.save()
    return d


def i213(name, p, path):
    d = Doc(name, "forms", "reportlab", "I-213")
    f = Form(d, path, font="Courier")
    f.header("Record of Deportable/Inadmissible Alien", "U.S. Department of Homeland Security · U.S. Border Patrol", "Form I-213")
    f.boxes([("Family Name (CAPS)", nm(d, p, p.last.upper()), 2.7), ("First", nm(d, p, p.first.upper()), 2.2),
             ("Middle", nm(d, p, p.middle.upper()) if p.middle else "", 2.4)])
    f.boxes([("A-Number", d.g("a_number", p.a(0)), 1.6), ("FINS", "—", 1.2),
             ("Date of Birth", d.g("dob", p.d(0)), 1.5), ("Sex", "F" if p.female else "M", 0.6),
             ("Country of Citizenship", p.country, 2.4)])
    f.boxes([("Address in United States (Number, Street, City, State and ZIP Code)", d.g("address", p.address_us), 5.0),
             ("Telephone", d.g("phone", p.phone_us), 2.3)])
    f.boxes([("Date, Place, Time and Manner of Last Entry", fmt_date(p.entry) + " near Hidalgo, TX 0300 EWI", 4.3),
             ("Family Member Encountered", d.g("name", "Yamileth " + p.sur1, None, False, "daughter, cued"), 3.0)])
    f.boxes([("Home address abroad", d.g("address", p.address_home), 4.3), ("Phone abroad", d.g("phone", p.phone_home), 3.0)])
    f.section("Narrative (Outline particulars under which alien was located/apprehended)")
    f.text("On " + fmt_date(p.entry, 1) + ", " + d.s(OFFICERS[2], "officer") + " encountered " + nm(d, p, p.caps()) +
           " near the Hidalgo Port of Entry. SUBJECT claimed fear of return to " + p.country + ". SUBJECT was processed for "
           "expedited removal and referred for a " + d.g("credible_fear", "credible fear interview") + ". " + nm(d, p, p.honorific()) +
           " was transported to " + d.s(p.facility, "facility") + ".")
    f.left("Signature of officer:", d.s(OFFICERS[2], "officer"))
    f.left("Distribution:", "ICE ERO " + d.s("Harlingen Field Office", "agency"))
    f.footer("Form I-213 (Rev. 08/01/07)")
    f.save()
    return d
