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
