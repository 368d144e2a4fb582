#!/usr/bin/env python3
"""Writes the man pages and the bash completion of redact from its own help.

Usage: cli_docs.py REDACT_BINARY OUT_DIR

Runs `redact --help` and `redact COMMAND --help` for every command the help
lists, and writes
  OUT_DIR/man1/redact.1, OUT_DIR/man1/redact-COMMAND.1   (roff, man(7))
  OUT_DIR/completions/redact                             (bash)
so both follow the command line as built: a flag added to a command appears
in its man page and completes, with no second list to keep up to date.
The build runs this after linking redact (tools/CMakeLists.txt).

Fails (exit 1) when the help cannot be read or holds no commands, so an
install never ships empty pages.
"""
import datetime
import os
import re
import subprocess
import sys

SECTION_RE = re.compile(r'^(\S[^:]*):\s*$')
ITEM_RE = re.compile(r'^  (\S.*?)(?:\s{2,}(\S.*))?$')
CONTINUATION_RE = re.compile(r'^\s{20,}(\S.*)$')
ENUM_RE = re.compile(r'ENUM:value in \{([^}]*)\} OR \{[^}]*\}')
TYPE_RE = re.compile(r'\b(?:TEXT|INT|UINT|FLOAT|ENUM)\b(?::(?:INT|UINT|FLOAT)? ?in \[[^\]]*\]| in \[[^\]]*\])?')


def run_help(binary, args):
    env = dict(os.environ, NO_COLOR='1', LANG='C', LC_ALL='C')
    result = subprocess.run([binary] + args + ['--help'], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit('cli_docs: %s %s --help failed (exit %d)' % (binary, ' '.join(args), result.returncode))
    return result.stdout


def parse_help(text):
    """{'summary', 'usage', 'sections': [(title, [(name, description)])], 'footer': [lines]}"""
    lines = text.splitlines()
    help_ = {'summary': '', 'usage': '', 'sections': [], 'footer': []}
    current = None
    for line in lines:
        if line.startswith('Usage: '):
            help_['usage'] = re.sub(r'^\S*redact', 'redact', line[len('Usage: '):])
            continue
        if not help_['usage']:
            if line.strip():
                help_['summary'] = line.strip()
            continue
        heading = SECTION_RE.match(line)
        if heading:
            current = (heading.group(1), [])
            help_['sections'].append(current)
            continue
        if current is None or not line.strip():
            continue
        more = CONTINUATION_RE.match(line)
        if more and current[1]:
            name, description = current[1][-1]
            current[1][-1] = (name, (description + ' ' + more.group(1)).strip())
            continue
        item = ITEM_RE.match(line)
        if item:
            name, description = item.group(1).strip(), (item.group(2) or '').strip()
            # A range type filling the name column leaves one space before
            # the description: "--jobs INT:INT in [0 - 256] pages OCR'd …".
            if not description and '] ' in name:
                name, description = name.split('] ', 1)
                name += ']'
            current[1].append((name, description))
    return help_


def option_spec(name):
    """'--mode ENUM:value in {pseudonymize->1,redact->0} OR {1,0}' -> ('--mode', 'pseudonymize|redact')."""
    name = re.sub(r'\s(?:Excludes|Needs):.*$', '', name)
    name = ENUM_RE.sub(lambda m: '|'.join(sorted(v.split('->')[0] for v in m.group(1).split(','))), name)
    name = TYPE_RE.sub('VALUE', name)
    name = name.replace('{false}', '').replace('REQUIRED', '').replace('...', '').strip()
    flags, _, value = name.partition(' ')
    return flags, ' '.join(value.split())


def roff(text):
    text = text.replace('\\', '\\e').replace('-', '\\-')
    return '\\&' + text if text.startswith(('.', "'")) else text


def man_page(name, help_, version, commands):
    date = datetime.date.today().isoformat() if 'SOURCE_DATE_EPOCH' not in os.environ else \
        datetime.datetime.utcfromtimestamp(int(os.environ['SOURCE_DATE_EPOCH'])).date().isoformat()
    out = ['.TH %s 1 "%s" "redact %s" "User Commands"' % (name.upper(), date, version),
           '.SH NAME', '%s \\- %s' % (roff(name), roff(help_['summary'])),
           '.SH SYNOPSIS', '.B %s' % roff(help_['usage'])]
    for title, items in help_['sections']:
        if title == 'Exit codes':
            out.append('.SH EXIT STATUS')
            for code, meaning in items:
                out += ['.TP', '.B %s' % roff(code), roff(meaning)]
            continue
        out.append('.SH %s' % roff(title.upper()))
        for item, description in items:
            flags, value = option_spec(item) if item.startswith('-') else (item.split()[0], '')
            head = '.B %s' % roff(flags) if not value else '.BI "%s " "%s"' % (roff(flags), roff(value))
            if title == 'Subcommands':
                head = '.BR redact\\-%s (1)' % roff(flags)
            out += ['.TP', head, roff(description)]
    out += ['.SH ENVIRONMENT', '.TP', '.B REDACT_PATTERNS',
            roff('rules folder when --patterns is not given (default: share/redact/patterns next to the '
                 'installed binary)'),
            '.TP', '.B NO_COLOR', roff('when set, output is never coloured')]
    see = ['redact'] + ['redact-' + c for c in commands]
    out += ['.SH SEE ALSO', ', '.join('.BR %s (1)' % roff(s) if False else '\\fB%s\\fR(1)' % roff(s)
                                      for s in see if s != name)]
    return '\n'.join(out) + '\n'


def completion(top_flags, commands):
    lines = ['# bash completion for redact; generated by tools/gen/cli_docs.py from redact --help',
             '_redact() {',
             '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd="" i',
             '  for ((i = 1; i < COMP_CWORD; i++)); do',
             '    case ${COMP_WORDS[i]} in -*) ;; *) cmd=${COMP_WORDS[i]}; break ;; esac',
             '  done',
             '  local words=""',
             '  case "$cmd:$prev" in']
    for command, (flags, enums) in sorted(commands.items()):
        for flag, values in sorted(enums.items()):
            lines.append('    %s:%s) COMPREPLY=($(compgen -W "%s" -- "$cur")); return ;;'
                         % (command, flag, ' '.join(values)))
    lines.append('  esac')
    lines.append('  case "$cmd" in')
    lines.append('    "") words="%s" ;;' % ' '.join(sorted(commands) + top_flags))
    for command, (flags, _) in sorted(commands.items()):
        lines.append('    %s) words="%s" ;;' % (command, ' '.join(flags)))
    lines += ['  esac',
              '  if [[ -z $cmd || $cur == -* ]]; then',
              '    COMPREPLY=($(compgen -W "$words" -- "$cur"))',
              '  else',
              '    COMPREPLY=($(compgen -f -- "$cur"))',
              '  fi',
              '}',
              'complete -o filenames -o bashdefault -F _redact redact', '']
    return '\n'.join(lines)


def flags_of(help_):
    flags, enums = [], {}
    for title, items in help_['sections']:
        if title != 'Options':
            continue
        for item, _ in items:
            names, value = option_spec(item)
            for flag in names.split(','):
                flags.append(flag)
                if '|' in value:
                    enums[flag] = value.split('|')
    return flags, enums


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, out_dir = sys.argv[1], sys.argv[2]
    version = subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.split()[1]
    top = parse_help(run_help(binary, []))
    names = [item.split()[0] for title, items in top['sections'] if title == 'Subcommands' for item, _ in items]
    if not names:
        sys.exit('cli_docs: redact --help lists no commands')
    os.makedirs(os.path.join(out_dir, 'man1'), exist_ok=True)
    os.makedirs(os.path.join(out_dir, 'completions'), exist_ok=True)
    pages = {'redact': top}
    commands = {}
    for name in names:
        pages['redact-' + name] = parse_help(run_help(binary, [name]))
        commands[name] = flags_of(pages['redact-' + name])
    for page, help_ in pages.items():
        with open(os.path.join(out_dir, 'man1', page + '.1'), 'w', encoding='utf-8') as fh:
            fh.write(man_page(page, help_, version, names))
    top_flags, _ = flags_of(top)
    with open(os.path.join(out_dir, 'completions', 'redact'), 'w', encoding='utf-8') as fh:
        fh.write(completion(top_flags, commands))


if __name__ == '__main__':
    main()
