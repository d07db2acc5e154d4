#!/usr/bin/env python3
"""Writes a bash completion script for a tool from its --help (generated at build time, so a
flag added to a tool is completed without anyone listing it here).

    tools/bash_completion.py NAME OUT COMMAND...     # COMMAND... --help is run

Reads CLI11's help (and argparse's): option lines "  -o,--output TEXT  ...",
"  --config TEXT:{t2s,tw2s}=t2s", "  -j N, --jobs N", "  --format {csv,json}", and a
"Subcommands:" section, whose commands get their own --help read. Completes option names after
-, the listed choices of an option, file names for an option whose name, value or description
says file, dir, path, manifest, output or root, nothing for other values (numbers, lists), and
file names for operands.
The script needs bash only (compgen, compopt), not the bash-completion package.
"""
import re
import subprocess
import sys

NUMERIC = re.compile(r"^(INT|UINT|FLOAT|NUMBER|N|UINT:NONNEGATIVE|INT:.*|UINT:.*|FLOAT:.*)$")
# An option's value is a path when its name, value hint or description says so.
PATH = re.compile(r"file|dir|path|manifest|output|root", re.IGNORECASE)


def parse(command):
    """(options, subcommands): options maps each name to (takes_argument, choices, path)."""
    text = subprocess.run(command + ["--help"], check=True, capture_output=True,
                          text=True).stdout
    options, subcommands, section = {}, [], ""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^\S.*:\s*$", line):
            section = line.strip().rstrip(":").lower()
            continue
        if section.startswith("subcommand") and re.match(r"^  [A-Za-z][\w-]*(\s|$)", line):
            subcommands.append(line.split()[0])
            continue
        match = re.match(r"^\s+(-.*?)(\s{2,}|$)", line)
        if not match:
            continue
        spec = match.group(1)
        # The description follows the spec, or starts the next line when the spec is long.
        described = line[match.end():].strip()
        if not described and number + 1 < len(lines):
            described = lines[number + 1].strip()
        choices = re.search(r"\{([^}]*)\}", spec)
        spec_plain = re.sub(r"\{[^}]*\}", "", spec)
        tokens = [t for t in re.split(r"[,\s]+", spec_plain) if t]
        names = [re.split(r"[=:]", t)[0] for t in tokens if t.startswith("-")]
        hints = [t for t in tokens if not t.startswith("-")]
        # "--config TEXT:{…}=t2s": the hint of a CLI11 option is glued to its choices/default.
        takes = bool(hints or choices)
        numeric = bool(hints) and all(NUMERIC.match(h.split("=")[0]) for h in hints)
        path = bool(PATH.search(" ".join(names + hints + [described])))
        for name in names:
            if re.fullmatch(r"--?[\w][\w-]*", name):
                options[name] = (takes, choices.group(1).split(",") if choices else [],
                                 path and not numeric)
    return options, subcommands


def words(items):
    return " ".join(sorted(items))


def main():
    name, out, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    function = "_zhreport_" + re.sub(r"\W", "_", name)
    commands = {"": parse(command)}
    for sub in commands[""][1]:
        commands[sub] = parse(command + [sub])
    lines = [
        f"# bash completion for {name}: generated from {name} --help by "
        "tools/bash_completion.py; do not edit.",
        f"{function}() {{",
        '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} sub="" i',
    ]
    subs = [s for s in commands if s]
    if subs:
        lines += [
            "  for ((i = 1; i < COMP_CWORD; i++)); do",
            f'    case ${{COMP_WORDS[i]}} in {"|".join(subs)}) sub=${{COMP_WORDS[i]}} ;; esac',
            "  done",
        ]
    lines.append('  case "$sub $prev" in')
    for sub, (options, _) in commands.items():
        by_action = {}
        for option, (takes, choices, path) in options.items():
            if not takes:
                continue
            if choices:
                action = f'COMPREPLY=($(compgen -W "{words(choices)}" -- "$cur"))'
            elif path:
                action = 'compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur"))'
            else:  # a number, a list of names: nothing to offer
                action = "COMPREPLY=()"
            by_action.setdefault(action, []).append(f'"{sub} {option}"')
        for action, patterns in by_action.items():
            lines.append(f"    {'|'.join(sorted(patterns))}) {action}; return ;;")
    lines.append("  esac")
    lines.append('  if [[ $cur == -* ]]; then')
    lines.append('    case "$sub" in')
    for sub, (options, _) in commands.items():
        lines.append(f'      "{sub}") COMPREPLY=($(compgen -W "{words(options)}" -- "$cur")) ;;')
    lines += ["    esac", "    return", "  fi"]
    if subs:
        lines.append(f'  [[ -z $sub ]] && COMPREPLY=($(compgen -W "{words(subs)}" -- "$cur"))')
    lines += [
        '  compopt -o filenames 2> /dev/null',
        '  COMPREPLY+=($(compgen -f -- "$cur"))',
        "}",
        f"complete -F {function} {name}",
        "",
    ]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
