# Working files in a scratch directory: pathlib, shutil, glob, csv and json round trips.
import csv
import json
import os
import shutil
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    (root / "in").mkdir()
    (root / "in" / "nested").mkdir(parents=True)
    for i, name in enumerate(["b.csv", "a.csv", "notes.txt", "nested/c.csv"]):
        p = root / "in" / name
        p.write_text(f"id,value\n{i},{i * 10}\n" if name.endswith(".csv") else "plain text\nsecond line\n", encoding="utf-8")
    print(sorted(p.relative_to(root).as_posix() for p in root.rglob("*.csv")))
    print(sorted(p.name for p in (root / "in").glob("*.csv")), sorted(os.listdir(root / "in")))
    total = 0
    for p in sorted((root / "in").rglob("*.csv")):
        with p.open(newline="") as f:
            total += sum(int(r["value"]) for r in csv.DictReader(f))
    print("total", total)
    out = root / "out" / "summary.json"
    out.parent.mkdir()
    out.write_text(json.dumps({"total": total}))
    print(json.loads(out.read_text()), out.stat().st_size, out.suffix, out.stem, out.with_suffix(".bak").name, out.parent.name)
    shutil.copy(out, root / "out" / "copy.json")
    shutil.copytree(root / "in", root / "backup")
    print(sorted(str(p.relative_to(root)) for p in (root / "backup").rglob("*")))
    (root / "out" / "copy.json").rename(root / "out" / "renamed.json")
    print(sorted(os.listdir(root / "out")), (root / "out" / "copy.json").exists(), (root / "out").is_dir())
    with open(root / "log.txt", "a") as f:
        f.write("one\n")
    with open(root / "log.txt", "a") as f:
        f.write("two\n")
    print((root / "log.txt").read_text().splitlines(), (root / "in" / "notes.txt").read_text().count("\n"))
    with open(root / "bin.dat", "wb") as f:
        f.write(bytes(range(256)))
    with open(root / "bin.dat", "rb") as f:
        f.seek(250)
        print(f.read(), f.tell())
    walked = [(Path(d).relative_to(root).as_posix(), sorted(fs)) for d, _, fs in os.walk(root / "in")]
    print(sorted(walked))
    shutil.rmtree(root / "backup")
    print((root / "backup").exists(), Path("a/b/../c.txt").parts, Path("/x/y.tar.gz").suffixes, Path("rel") / "sub")
    try:
        (root / "missing.txt").read_text()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, Path(e.filename).name)
print(os.path.exists(tmp), os.path.join("a", "b", "c.txt"), os.path.splitext("x.tar.gz"), os.path.basename("/a/b/"), os.path.normpath("a//b/./c/.."))
