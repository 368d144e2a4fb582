#!/usr/bin/env python3
"""Checks that includes respect the floors, and reports what to untangle.

Usage: include_graph.py [ROOT]    (ROOT: the repository; default: this
script's ../..)

Floors, bottom up: core/ and pdf/ (1; pdf may include core, core must not
include pdf), stages/ (2), pipeline/ (3), tools/ (4). Every `#include "..."`
in those folders is resolved from ROOT (then from the including file's own
folder); includes of files outside the repository are ignored.

Exit 1, printing each one, on any include that runs upward (to a higher
floor, or from core/ to pdf/). A stage may include another stage's files.
Reported without failing:
  - folder-level include cycles (stages/a -> stages/b -> stages/a);
  - file-level include cycles, taking x.h and x.cpp as one unit x.*
    (redactor.* includes side_channels.h, which... and back);
  - files outside pdf/ that include a PoDoFo header (<podofo/...>), with a
    count: the PDF layer is meant to be the only one that sees PoDoFo;
  - tests/ files that include tools/redact/ (tests should drive the CLI as a
    program, or the layers below it).
"""
import os
import re
import sys

FLOORS = {'core': 1, 'pdf': 1, 'stages': 2, 'pipeline': 3, 'tools': 4}
SOURCES = ('.h', '.hpp', '.cpp', '.cc')
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def floor_of(path):
    """The floor of a repository-relative path, or None outside the floors."""
    top = path.split('/', 1)[0]
    return FLOORS.get(top)


def sources(root, top):
    for base, dirs, files in os.walk(os.path.join(root, top)):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(SOURCES):
                yield os.path.relpath(os.path.join(base, f), root).replace(os.sep, '/')


def includes(root, path):
    """(quoted includes resolved to repository paths, angle-bracket includes)."""
    with open(os.path.join(root, path), encoding='utf-8', errors='replace') as fh:
        text = fh.read()
    local, system = [], []
    for kind, name in INCLUDE.findall(text):
        if kind == '<':
            system.append(name)
            continue
        for candidate in (name, os.path.normpath(os.path.join(os.path.dirname(path), name))):
            if os.path.isfile(os.path.join(root, candidate)):
                local.append(candidate.replace(os.sep, '/'))
                break
    return local, system


def strongly_connected(graph):
    """Tarjan's algorithm; yields components of more than one node."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def unit(path):
    """x.h and x.cpp are one unit, x.*"""
    return os.path.splitext(path)[0] + '.*'


def main(argv):
    root = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
    root = os.path.abspath(root)
    upward, podofo, tests_into_tools = [], [], []
    folder_graph, unit_graph = {}, {}
    edges = 0
    for top in FLOORS:
        for path in sources(root, top):
            local, system = includes(root, path)
            if top != 'pdf' and any(s.startswith('podofo/') or s == 'podofo.h' for s in system):
                podofo.append(path)
            for target in local:
                to = floor_of(target)
                if to is None:
                    continue
                edges += 1
                here = floor_of(path)
                if top == 'core' and target.startswith('pdf/'):
                    upward.append(f'{path}: includes "{target}" (core/ must not include pdf/)')
                elif to > here:
                    upward.append(f'{path}: includes "{target}" (floor {here} -> {to})')
                a, b = os.path.dirname(path), os.path.dirname(target)
                if a != b:
                    folder_graph.setdefault(a, set()).add(b)
                if unit(path) != unit(target):
                    unit_graph.setdefault(unit(path), set()).add(unit(target))
    for path in sources(root, 'tests'):
        local, _ = includes(root, path)
        for target in local:
            if target.startswith('tools/redact/'):
                tests_into_tools.append(f'{path}: includes "{target}"')

    print(f'include graph: {edges} includes between floors core/pdf/stages/pipeline/tools')
    folder_cycles = strongly_connected(folder_graph)
    print(f'\nfolder-level cycles: {len(folder_cycles)}')
    for c in folder_cycles:
        print('  ' + ' <-> '.join(c))
    unit_cycles = strongly_connected(unit_graph)
    print(f'\nfile-level cycles (x.h + x.cpp as one unit x.*): {len(unit_cycles)}')
    for c in unit_cycles:
        print('  ' + ' <-> '.join(c))
    print(f'\nwarning: {len(podofo)} file(s) outside pdf/ include a PoDoFo header')
    for p in podofo:
        print('  ' + p)
    print(f'\nnote: {len(tests_into_tools)} include(s) from tests/ into tools/redact/')
    for line in tests_into_tools:
        print('  ' + line)
    if upward:
        print(f'\nERROR: {len(upward)} include(s) run upward (core/pdf < stages < pipeline < tools):')
        for line in upward:
            print('  ' + line)
        return 1
    print('\nok: no include runs upward')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
