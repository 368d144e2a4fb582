#!/usr/bin/env python3
"""Lists functions longer than a limit in C++ sources (default 150 lines).

Usage: function_length.py [--max N] DIR...   Exit 1 when any is longer.

A function is a brace block opened at namespace or class level whose
opening follows a parameter list `)` (with const, noexcept, override or a
trailing return type between). Comments, strings and character literals are
blanked first, so braces inside them do not count. Lambdas and local
classes count as part of the function that holds them.
"""
import os
import re
import sys


def blank(text):
    """Replaces comments, strings and char literals with spaces, keeping newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i)); i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j])); i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if m:
                end = text.find(')' + m.group(1) + '"', i)
                end = n if end < 0 else end + len(m.group(1)) + 2
                out.append(re.sub(r'[^\n]', ' ', text[i:end])); i = end
            else:
                out.append(c); i += 1
        elif c in '"\'':
            if c == "'" and i > 0 and (text[i - 1].isalnum()):  # digit separator 1'000
                out.append(' '); i += 1; continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(' ' * (min(j, n - 1) + 1 - i)); i = j + 1
        else:
            out.append(c); i += 1
    return ''.join(out)


HEAD = re.compile(r'\)\s*(const|noexcept|override|final|mutable|->\s*[\w:<>,\s*&]+|\s)*$')


def functions(text):
    """Yields (name_line, first_line, last_line) of every top-level function body."""
    t = blank(text)
    stack = []  # each entry: 'f' (function) or 's' (scope: namespace/class/other)
    start = 0
    for i, c in enumerate(t):
        if c == '{':
            inside_function = 'f' in stack
            before = t[max(0, i - 300):i]
            if not inside_function and HEAD.search(before):
                stack.append('f')
                start = i
            else:
                stack.append('s')
        elif c == '}' and stack:
            kind = stack.pop()
            if kind == 'f' and 'f' not in stack:
                first = t.count('\n', 0, start) + 1
                last = t.count('\n', 0, i) + 1
                yield first, last


def main(argv):
    limit = 150
    dirs = []
    it = iter(argv)
    for a in it:
        if a == '--max':
            limit = int(next(it))
        else:
            dirs.append(a)
    bad = []
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in sorted(files):
                if not f.endswith(('.cpp', '.h', '.cc')):
                    continue
                path = os.path.join(root, f)
                with open(path, encoding='utf-8', errors='replace') as fh:
                    text = fh.read()
                lines = text.split('\n')
                for first, last in functions(text):
                    length = last - first + 1
                    if length > limit:
                        name = lines[first - 1].strip()[:80]
                        bad.append((length, f'{path}:{first}', name))
    for length, where, name in sorted(bad, reverse=True):
        print(f'{where}: {length} lines: {name}')
    if bad:
        print(f'{len(bad)} function(s) over {limit} lines')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
