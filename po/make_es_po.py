#!/usr/bin/env python3
"""Writes po/es.po: the Spanish catalog of the command line's messages.

Usage: python3 po/make_es_po.py   (from anywhere; rewrites po/es.po)

The English text is the msgid and must match the source exactly (the help
strings in tools/redact/*.cpp, ExitCodeHelp in exit_codes.cpp, CLI11's
headings); CliSpanish.* in tests/e2e/cli_conventions_test.cpp checks that
the ones it names are found. A string missing here stays English.
"""
import os
import re


def exit_codes_english():
    """ExitCodeHelp()'s text, read from tools/redact/exit_codes.cpp so the
    msgid cannot drift from it (a changed text falls back to English)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tools', 'redact', 'exit_codes.cpp')
    with open(path, encoding='utf-8') as fh:
        source = fh.read()
    body = source[source.index('const char* ExitCodeHelp()'):]
    body = body[body.index('return'):body.index(';')]
    return ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', body)).encode().decode('unicode_escape')


EXIT_EN = exit_codes_english()
EXIT_ES = ("Códigos de salida:\n"
           "  0  correcto\n"
           "  2  error de uso\n"
           "  3  archivo de entrada inexistente, ilegible o que no es un PDF\n"
           "  4  PDF dañado, o contenido que no se puede procesar con seguridad\n"
           "  5  PDF cifrado: falta la contraseña o es incorrecta\n"
           "  6  fallaron algunos documentos del lote\n"
           "  7  la verificación encontró una fuga\n"
           "  8  no se pudo escribir una salida (disco lleno, límite de tamaño, permisos)\n"
           "  70 error interno\n"
           "  130 detenido (Ctrl-C)\n")

CATALOG = [
    ("redact: remove asylum-applicant identifiers from PDFs",
     "redact: elimina de los PDF los identificadores de solicitantes de asilo"),
    ("Print the glyph-accurate text of a PDF (text or JSON with word boxes)",
     "Muestra el texto exacto de un PDF (texto o JSON con los recuadros de las palabras)"),
    ("Print findings for review (nothing is written)",
     "Muestra los hallazgos para revisarlos (no escribe nada)"),
    ("Write redacted PDFs and reports (identifiers removed, not covered)",
     "Escribe PDF censurados e informes (identificadores eliminados, no tapados)"),
    ("Prove that nothing detectable survives in redacted outputs (exit 7 on a leak)",
     "Comprueba que nada detectable queda en las salidas censuradas (sale con 7 si hay una fuga)"),
    ("Write a review copy with highlighted findings and an editable findings file",
     "Escribe una copia de revisión con los hallazgos resaltados y un archivo de hallazgos editable"),
    ("Create an age identity for sealed mappings",
     "Crea una identidad age para las correspondencias selladas"),
    ("Prepare a names list for fast loading",
     "Prepara una lista de nombres para que se cargue rápido"),
    ("Build the compiled index of a names list in the private cache (reused while the list is unchanged)",
     "Compila el índice de una lista de nombres en la caché privada (se reutiliza mientras la lista no cambie)"),
    ("the names list (CSV), as given to --names",
     "la lista de nombres (CSV), la misma que se da a --names"),
    ("Open sealed mappings and print them merged",
     "Abre correspondencias selladas y las muestra unidas"),
    ("Redact many documents: one isolated worker process per document, resumable",
     "Censura muchos documentos: un proceso aislado por documento, reanudable"),
    ("Print this help message and exit", "Muestra esta ayuda y termina"),
    ("print redact's version, the library versions it was built with, and its rules folder",
     "muestra la versión de redact, las de las bibliotecas con que se compiló y su carpeta de reglas"),
    ("only errors (and pages a person must review): no reports of what was written, no warnings",
     "solo errores (y páginas que una persona debe revisar): sin informes de lo escrito ni avisos"),
    ("also per-page progress on stderr while documents are read",
     "también el avance página a página en stderr mientras se leen los documentos"),
    ("weaker run: no --names list: only names after cues such as \"Applicant:\" will be found, not the people "
     "on your list — give --names LIST.csv, or --no-names to run without one",
     "ejecución más débil: sin lista --names: solo se encontrarán los nombres tras indicios como \"Solicitante:\", no las "
     "personas de su lista — indique --names LISTA.csv, o --no-names para trabajar sin ella"),
    ("--names and --no-names contradict each other: give one of them",
     "--names y --no-names se contradicen: indique solo uno"),
    (EXIT_EN, EXIT_ES),
    ("warning:", "aviso:"),
    ("Usage", "Uso"),
    ("OPTIONS", "OPCIONES"),
    ("SUBCOMMAND", "ORDEN"),
    ("REQUIRED", "OBLIGATORIO"),
    ("Positionals", "Argumentos"),
    ("Options", "Opciones"),
    ("Subcommands", "Órdenes"),
    ("Excludes", "Excluye"),
    ("Needs", "Requiere"),
]


# Every option's help, by its exact English text (CliSpanish.EveryOptionIsDescribedInSpanish
# fails when a help string is added or changed without its entry here).
OPTION_HELP = [
 ('PDF files ("-": one PDF from standard input)', 'archivos PDF ("-": un PDF de la entrada estándar)'),
 ('output folder (created if missing); "-": the one output PDF to standard output, after it is checked',
  'carpeta de salida (se crea si falta); "-": el único PDF de salida a la salida estándar, una vez comprobado'),
 ('apply exactly the findings of a reviewed file (from redact review of the same PDF: its sha256 is checked) instead of detecting; one input only',
  'aplica exactamente los hallazgos de un archivo revisado (de redact review del mismo PDF: se comprueba su sha256) en lugar de detectar; una sola entrada'),
 ('apply the review copy (FILE.review.pdf from redact review of the same PDF) as marked up in a PDF viewer: a deleted highlight keeps its text, a drawn rectangle or redaction mark is removed whole, a note\'s "category:" or "label:" changes its finding; one input only',
  'aplica la copia de revisión (ARCHIVO.review.pdf de redact review del mismo PDF) tal como se marcó en un visor de PDF: un resaltado borrado conserva su texto, un rectángulo dibujado o una marca de censura se elimina entero, el "category:" o "label:" de una nota cambia su hallazgo; una sola entrada'),
 ('where the sealed mapping goes (default: OUT/mapping.age)', 'dónde se guarda la correspondencia sellada (por defecto: SALIDA/mapping.age)'),
 ('with --out - (the PDF to standard output): where the report goes', 'con --out - (el PDF a la salida estándar): dónde se guarda el informe'),
 ('names master list (CSV with a header)', 'lista maestra de nombres (CSV con encabezado)'),
 ('policy file (TOML)', 'archivo de política (TOML)'),
 ('folder of rule files (default: the shipped patterns/, or $REDACT_PATTERNS)', 'carpeta de archivos de reglas (por defecto: la patterns/ incluida, o $REDACT_PATTERNS)'),
 ('OCR pages without a text layer: auto (default), always, never', 'OCR de las páginas sin capa de texto: auto (por defecto), always (siempre), never (nunca)'),
 ('OCR languages (Tesseract names, default eng+spa)', 'idiomas del OCR (nombres de Tesseract, por defecto eng+spa)'),
 ('OCR: straighten pages scanned askew first', 'OCR: endereza antes las páginas escaneadas torcidas'),
 ('OCR: black-and-white gray or colour scans first (adaptive threshold: uneven light, faint faxes)',
  'OCR: pasa antes a blanco y negro los escaneos en gris o color (umbral adaptativo: luz desigual, faxes tenues)'),
 ('seal the mapping to this age recipient (age1…, repeatable)', 'sella la correspondencia para este destinatario age (age1…, repetible)'),
 ('file of age recipients', 'archivo de destinatarios age'),
 ('seal the mapping with the passphrase in this file (scrypt)', 'sella la correspondencia con la frase de contraseña de este archivo (scrypt)'),
 ('write the sealed mapping ASCII-armored (PEM)', 'escribe la correspondencia sellada en ASCII blindado (PEM)'),
 ('file holding the job key: pseudonyms of unlisted people and report hashes stay the same across runs and shards that share it',
  'archivo con la clave del trabajo: los seudónimos de las personas fuera de la lista y los hashes de los informes son los mismos en las ejecuciones y fragmentos que la comparten'),
 ('remove without drawing boxes', 'elimina sin dibujar recuadros'),
 ("round box widths up to 3-em steps where the line has room (never over live text); labels come from the policy's [labels]",
  'redondea el ancho de los recuadros a pasos de 3 em donde la línea tiene sitio (nunca sobre texto vivo); las etiquetas vienen de [labels] de la política'),
 ("make redacted scans searchable: an invisible text layer of the OCR'd words that were not removed",
  'hace buscables los escaneos censurados: una capa de texto invisible con las palabras reconocidas que no se eliminaron'),
 ('fail a document whose pages with findings hold undecodable text (default: remove and box that text)',
  'hace fallar un documento cuyas páginas con hallazgos tienen texto indescifrable (por defecto: ese texto se elimina y se tapa con un recuadro)'),
 ('redact (boxes) or pseudonymize (replacements drawn)', 'redact (recuadros) o pseudonymize (se dibujan sustitutos)'),
 ('do not check each output before it appears (the report and the summary say it was not checked)',
  'no comprueba cada salida antes de que aparezca (el informe y el resumen dicen que no se comprobó)'),
 ('pseudonymize without a mapping: the pseudonyms cannot be reversed', 'seudonimiza sin correspondencia: los seudónimos no se pueden revertir'),
 ("pseudonym: file and folder names holding an identifier take its pseudonym (default); sequence: doc-000001.pdf …; keep: the input's name, for inputs known to be clean",
  'pseudonym: los nombres de archivos y carpetas que contienen un identificador toman su seudónimo (por defecto); sequence: doc-000001.pdf …; keep: el nombre de la entrada, para entradas que se sabe limpias'),
 ('run without a names list on purpose: only cued names (after "Applicant:" and the like) are found; silences the warning that says so',
  'trabaja sin lista de nombres a propósito: solo se encuentran los nombres tras indicios ("Applicant:" y similares); calla el aviso que lo dice'),
 ('PDF file, or - for standard input', 'archivo PDF, o - para la entrada estándar'),
 ('text or json', 'text (texto) o json'),
 ('json: include every glyph', 'json: incluye cada glifo'),
 ('OCR pages without a text layer: auto, always, never', 'OCR de las páginas sin capa de texto: auto, always (siempre), never (nunca)'),
 ('OCR languages (default eng+spa)', 'idiomas del OCR (por defecto eng+spa)'),
 ("pages OCR'd at once (default 1: pages are printed as read, memory stays flat)",
  'páginas reconocidas a la vez (por defecto 1: las páginas se muestran al leerse y la memoria no crece)'),
 ('OCR: black-and-white gray or colour scans first', 'OCR: pasa antes a blanco y negro los escaneos en gris o color'),
 ('PDF files, or folders of them (every *.pdf below)', 'archivos PDF, o carpetas con ellos (todos los *.pdf debajo)'),
 ('output folder (created if missing)', 'carpeta de salida (se crea si falta)'),
 ('name outputs as apply does: pseudonym (default), sequence or keep', 'nombra las salidas como apply: pseudonym (por defecto), sequence o keep'),
 ('the job key apply will use: output names that take a pseudonym are the same',
  'la clave del trabajo que usará apply: los nombres de salida que toman un seudónimo son los mismos'),
 ('then open the review page: a local web page (URL printed) to accept, reject and add findings',
  'después abre la página de revisión: una página web local (se muestra la URL) para aceptar, rechazar y añadir hallazgos'),
 ('--serve: the port (default: any free one)', '--serve: el puerto (por defecto: cualquiera libre)'),
 ('--serve: the address to listen on (default: 127.0.0.1)', '--serve: la dirección en la que escuchar (por defecto: 127.0.0.1)'),
 ('--serve: let --listen name an address other machines can reach', '--serve: permite que --listen indique una dirección a la que llegan otras máquinas'),
 ('PDF files, folders (recursive) or manifests (one path per line)', 'archivos PDF, carpetas (recursivas) o manifiestos (una ruta por línea)'),
 ("output folder; its tree mirrors the inputs'", 'carpeta de salida; su árbol refleja el de las entradas'),
 ('auto (bar on a terminal, else JSON lines), bar, json, none', 'auto (barra en un terminal; si no, líneas JSON), bar (barra), json, none (nada)'),
 ('address space per worker, GiB (default 8)', 'espacio de direcciones por proceso, GiB (por defecto 8)'),
 ('seconds per document (default 900)', 'segundos por documento (por defecto 900)'),
 ('I/N: only the documents of shard I (0-based) of N, by a stable hash of their relative path; auto: from JOB_COMPLETION_INDEX (Kubernetes; N from REDACT_SHARD_COUNT) or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT',
  'I/N: solo los documentos del fragmento I (desde 0) de N, por un hash estable de su ruta relativa; auto: de JOB_COMPLETION_INDEX (Kubernetes; N de REDACT_SHARD_COUNT) o SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT'),
 ("apply reviewed findings instead of detecting: for each input, the findings file redact review wrote for it in this folder (<output name>.findings.json, in the output tree's folders); a document whose file is missing or was made from another PDF fails",
  'aplica hallazgos revisados en lugar de detectar: para cada entrada, el archivo de hallazgos que redact review escribió para ella en esta carpeta (<nombre de salida>.findings.json, en las carpetas del árbol de salida); falla un documento cuyo archivo falta o se hizo de otro PDF'),
 ("apply review copies as marked up in a PDF viewer instead of detecting: for each input, the review copy redact review wrote for it in this folder (<output name>.review.pdf, in the output tree's folders), read as apply --reviewed reads one; a document whose copy is missing, was made from another PDF or holds a mark redact cannot read fails",
  'aplica copias de revisión tal como se marcaron en un visor de PDF en lugar de detectar: para cada entrada, la copia de revisión que redact review escribió para ella en esta carpeta (<nombre de salida>.review.pdf, en las carpetas del árbol de salida), leída como la lee apply --reviewed; falla un documento cuya copia falta, se hizo de otro PDF o tiene una marca que redact no sabe leer'),
 ('start the job over under new rules (names list, policy, rule files, mode, naming): the earlier outputs, journal and mappings are moved into .redact-job/previous-N',
  'empieza el trabajo de nuevo con otras reglas (lista de nombres, política, archivos de reglas, modo, nombres): las salidas, el diario y las correspondencias anteriores pasan a .redact-job/previous-N'),
 ('PDF files', 'archivos PDF'),
 ('identity file to create (mode 0600); without it the identity goes to stdout', 'archivo de identidad que se crea (modo 0600); sin él la identidad va a la salida estándar'),
 ('mark the key as a demo key in the file', 'marca la clave como clave de demostración en el archivo'),
 ('sealed mapping files (.age)', 'archivos de correspondencias selladas (.age)'),
 ('age identity file (repeatable)', 'archivo de identidad age (repetible)'),
 ('file holding the passphrase', 'archivo con la frase de contraseña'),
 ('json or csv', 'json o csv'),
 ('redacted PDF files', 'archivos PDF censurados'),
 ('the input the output was made from: its values must all be gone', 'la entrada de la que se hizo la salida: todos sus valores deben haber desaparecido'),
 ('standard (default): poppler reads every page, and the pages its text cannot speak for (images, Type3 fonts, soft masks, a ToUnicode that contradicts its glyphs, drawn shapes, engines that disagree) are rendered and read by OCR; full: every page is',
  'standard (por defecto): poppler lee cada página, y las páginas por las que su texto no puede responder (imágenes, fuentes Type3, máscaras suaves, un ToUnicode que contradice sus glifos, formas dibujadas, motores que no coinciden) se renderizan y se leen con OCR; full: todas las páginas'),
 ("text (default) or json (one object: each output's verdict)", 'text (texto, por defecto) o json (un objeto: el veredicto de cada salida)'),
 # Built from parts in tools/redact/common.cpp, extract_command.cpp, verify_command.cpp, config_flag.cpp.
 ('password for encrypted PDFs (prefer --password-file)', 'contraseña de los PDF cifrados (mejor --password-file)'),
 ('password for encrypted PDFs: read from the first line of this file', 'contraseña de los PDF cifrados: se lee de la primera línea de este archivo'),
 ('password for encrypted PDFs (the empty password is tried first) (prefer --password-file)',
  'contraseña de los PDF cifrados (antes se prueba la contraseña vacía) (mejor --password-file)'),
 ('password for encrypted PDFs (the empty password is tried first): read from the first line of this file',
  'contraseña de los PDF cifrados (antes se prueba la contraseña vacía): se lee de la primera línea de este archivo'),
 ('password of the original (prefer --password-file)', 'contraseña del original (mejor --password-file)'),
 ('password of the original: read from the first line of this file', 'contraseña del original: se lee de la primera línea de este archivo'),
 ("pages OCR'd at once (default: one per core)", 'páginas reconocidas a la vez (por defecto: una por núcleo)'),
 ('documents at once (default: one per core)', 'documentos a la vez (por defecto: uno por núcleo)'),
 ('check each output with OCR even under --ocr never (the check itself is the default); LEVEL standard (default: render and OCR the pages text cannot speak for) or full (every page)',
  'comprueba cada salida con OCR incluso con --ocr never (la comprobación en sí es lo predeterminado); NIVEL standard (por defecto: renderiza y reconoce las páginas por las que el texto no puede responder) o full (todas las páginas)'),
 ('TOML file of options this team always uses (names, policy, patterns, ocr, lang, recipients, recipients-file, passphrase-file, job-key); flags given here win',
  'archivo TOML con las opciones que este equipo usa siempre (names, policy, patterns, ocr, lang, recipients, recipients-file, passphrase-file, job-key); las opciones dadas aquí prevalecen'),
]
CATALOG += OPTION_HELP

def quote(text):
    escaped = text.replace('\\', '\\\\').replace('"', '\\"')
    lines = escaped.split('\n')
    if len(lines) == 1:
        return '"%s"' % escaped
    parts = [line + '\\n' for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + '\n'.join('"%s"' % p for p in parts)


def main():
    out = ['# Spanish messages of redact. Generated by po/make_es_po.py: edit that.',
           'msgid ""', 'msgstr ""',
           '"Project-Id-Version: redact\\n"',
           '"Language: es\\n"',
           '"MIME-Version: 1.0\\n"',
           '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Content-Transfer-Encoding: 8bit\\n"', '']
    for english, spanish in CATALOG:
        out += ['msgid ' + quote(english), 'msgstr ' + quote(spanish), '']
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'es.po')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(out))


if __name__ == '__main__':
    main()
