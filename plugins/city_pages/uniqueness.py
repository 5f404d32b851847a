"""How much of each city page is its own: the share of its main-text sentences,
with its own place names masked, that appear on no other city page."""

import html
import re
from collections import Counter

_MAIN = re.compile(r"<main\b[^>]*>(.*?)</main>", re.DOTALL)
_BLOCK_END = re.compile(r"</(?:p|li|dt|dd|td|th|caption|figcaption)>|<br\s*/?>", re.IGNORECASE)
_HEADING = re.compile(r"<h[1-6]\b.*?</h[1-6]>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def sentences(page_html, names):
    """Normalised sentences of the page's <main>, each place name in `names` masked."""
    match = _MAIN.search(page_html)
    # Headings are not sentences: only the running text counts.
    text = _BLOCK_END.sub("\n", _HEADING.sub("\n", match.group(1) if match else page_html))
    text = html.unescape(_TAG.sub(" ", text))
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", "PLACE", text)
    out = []
    for block in text.split("\n"):
        for sentence in _SENTENCE_END.split(block):
            sentence = re.sub(r"\s+", " ", sentence).strip()
            if len(sentence) > 1:
                out.append(sentence.lower())
    return out


def unique_shares(pages):
    """{key: share of sentences found on no other page} for {key: [sentences]}."""
    seen_on = Counter()
    for sents in pages.values():
        seen_on.update(set(sents))
    return {key: (sum(1 for s in sents if seen_on[s] == 1) / len(sents)) if sents else 0.0
            for key, sents in pages.items()}


def report_lines(shares, has_local_words, threshold):
    """The report, least unique first; pages under the threshold without local words are flagged."""
    lines = [f"# City page uniqueness: share of main-text sentences found on no other city page "
             f"(threshold {threshold:.2f})"]
    needing = 0
    for key, share in sorted(shares.items(), key=lambda kv: (kv[1], kv[0])):
        flag = ""
        if share < threshold and not has_local_words.get(key):
            flag = "  <- needs local words (add content/cities/%s.md)" % key
            needing += 1
        lines.append(f"{share:5.2f}  {key}{flag}")
    lines.append(f"# {needing} of {len(shares)} pages need local words")
    return lines, needing
