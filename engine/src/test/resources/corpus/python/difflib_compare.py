# Comparing texts: unified diffs, similarity ratios, close matches.
import difflib

old = """name: corral
version: 1.0
languages:
  - python
  - ruby
timeout: 30
""".splitlines(keepends=True)
new = """name: corral
version: 1.1
languages:
  - python
  - javascript
  - ruby
memory: 256
""".splitlines(keepends=True)
print("".join(difflib.unified_diff(old, new, fromfile="a/config.yaml", tofile="b/config.yaml")), end="")
print("".join(difflib.context_diff(old[:3], new[:3], n=1)), end="")
print(list(difflib.ndiff(["one\n", "two\n"], ["one\n", "tw0\n"])))
sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 4), sm.get_matching_blocks(), sm.get_opcodes())
words = ["apple", "application", "apply", "ape", "maple", "happy", "applet"]
print(difflib.get_close_matches("appel", words), difflib.get_close_matches("aple", words, n=2, cutoff=0.5))
print(difflib.SequenceMatcher(a="abcd", b="bcde").find_longest_match(0, 4, 0, 4))
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same")]:
    print(a, b, round(difflib.SequenceMatcher(None, a, b).ratio(), 3), round(difflib.SequenceMatcher(None, a, b).quick_ratio(), 3))
html = difflib.HtmlDiff().make_table(["a\n"], ["b\n"])
print(html.count("<tr>"), "diff_sub" in html or "diff_chg" in html)
