#!/usr/bin/env python3
"""Checks that every project #include stays inside what the including file's CMake target
declares (ARCHITECTURE.md: "a folder's #includes stay inside what its target declares").

    check_includes.py SOURCE_DIR

Reads the real target graph from CMake's file API: configures SOURCE_DIR (without tests) in a
temporary folder with a codemodel query, which takes about a second and builds nothing, and
reads each target's sources and the targets it depends on from the reply. A header
belongs to the target that compiles the .cpp files of its folder (the nearest such folder up).
A file of target T may include a header of T or of any target T depends on, directly or
through others. Prints one line per violation (FILE:LINE: includes HEADER of TARGET, which
TARGET_OF_FILE does not depend on) and exits 1 when there is any; exits with a one-line error
when CMake cannot configure the project.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def configure(source_dir, build_dir):
    query = build_dir / ".cmake" / "api" / "v1" / "query"
    query.mkdir(parents=True)
    (query / "codemodel-v2").touch()
    run = subprocess.run(["cmake", "-S", str(source_dir), "-B", str(build_dir),
                          "-DVERIGEN_BUILD_TESTS=OFF"], capture_output=True, text=True)
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["(no message)"])[-1]
        sys.exit(f"check_includes: error: cmake could not configure {source_dir}: {last}")


def load_targets(build_dir):
    reply = build_dir / ".cmake" / "api" / "v1" / "reply"
    indexes = sorted(reply.glob("index-*.json")) if reply.is_dir() else []
    if not indexes:
        sys.exit(f"check_includes: error: {reply}: no CMake file-API reply (re-run cmake)")
    index = json.loads(indexes[-1].read_text())
    codemodel = next(r for r in index["objects"] if r["kind"] == "codemodel")
    model = json.loads((reply / codemodel["jsonFile"]).read_text())
    config = model["configurations"][0]
    targets = {}
    for ref in config["targets"]:
        t = json.loads((reply / ref["jsonFile"]).read_text())
        targets[t["id"]] = t
    return targets


def main():
    source_dir = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="verigen-layers-") as scratch:
        configure(source_dir, Path(scratch))
        targets = load_targets(Path(scratch))
    name_of = {tid: t["name"] for tid, t in targets.items()}
    depends = {t["name"]: {name_of[d["id"]] for d in t.get("dependencies", [])
                           if d["id"] in name_of} for t in targets.values()}

    def closure(name):
        seen, todo = set(), [name]
        while todo:
            for d in depends.get(todo.pop(), ()):
                if d not in seen:
                    seen.add(d)
                    todo.append(d)
        return seen | {name}

    # Which target compiles each project file; tests and the fuzz build are not layers.
    owner_of_file, owner_of_folder = {}, {}
    for t in targets.values():
        for s in t.get("sources", []):
            path = Path(s["path"])
            if path.is_absolute():  # generated into the build tree (embedded files)
                continue
            if path.suffix != ".cpp":
                continue
            owner_of_file[path.as_posix()] = t["name"]
            folder = path.parent.as_posix()
            owner_of_folder.setdefault(folder, set()).add(t["name"])

    def owner_of_header(header):
        folder = Path(header).parent
        while folder.as_posix() not in ("", "."):
            owners = owner_of_folder.get(folder.as_posix())
            if owners:
                return owners
            folder = folder.parent
        return None

    violations = 0
    checked = 0
    for folder, owners in sorted(owner_of_folder.items()):
        for path in sorted((source_dir / folder).iterdir()):
            if path.suffix not in (".cpp", ".h"):
                continue
            relative = path.relative_to(source_dir).as_posix()
            mine = {owner_of_file[relative]} if relative in owner_of_file else owners
            allowed = set().union(*(closure(o) for o in mine))
            for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m or not (source_dir / m.group(1)).is_file():
                    continue  # a system header, or one generated into the build tree
                checked += 1
                theirs = owner_of_header(m.group(1))
                if theirs and not (theirs & allowed):
                    violations += 1
                    print(f"{relative}:{number}: includes {m.group(1)} of "
                          f"{'/'.join(sorted(theirs))}, which {'/'.join(sorted(mine))} does not "
                          f"depend on")
    print(f"check_includes: {checked} project includes checked, {violations} outside the "
          f"declared targets")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
