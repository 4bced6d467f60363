"""Data only: how news and union portal pages mark up their parts (read by :mod:`scrapers.dom` and
:mod:`scrapers.page`). Ordered from specific to generic, like trafilatura's ``xpaths.py``.

Rules describe page structures that many CMSs share (an ``articleBody``, a ``sapo`` element, a
figure caption, a related-stories box), never one site; rules for one site go in ``sites.toml``.
"""
from __future__ import annotations

#: The parts of a page the reader looks for, found by their markup in one pass over the page
#: (:func:`scrapers.dom.index_page`). Each rule is (attribute, how, values), most trusted first:
#: ``is`` compares the whole (lower-cased) value, ``token`` a word of it, ``has`` a part of it;
#: the attribute ``tag`` is the element's name.
MARKS = {
    # the element holding the article text; without one the reader scores the paragraphs
    "container": [
        ("itemprop", "is", ("articlebody",)),
        ("class", "token", ("detail-content",)),
        ("class", "token", ("fck_detail",)),
        ("id", "is", ("maincontent", "main-content", "content_detail_news", "detailmain")),
        ("class", "token", ("article-content", "article-body", "news-content", "entry-content", "post-content",
                            "itemfulltext", "journal-content-article", "ms-rtestate-field")),
    ],
    # the visible byline
    "byline": [
        ("itemprop", "is", ("author",)),
        ("rel", "is", ("author",)),
        ("class", "token", ("author",)),
        ("class", "has", ("author", "byline", "tacgia", "tac-gia")),
        ("class", "has", ("post-meta", "article-meta")),
    ],
    # the visible dateline
    "dateline": [
        ("tag", "is", ("time",)),
        ("class", "has", ("date", "time", "publish", "ngay", "thoigian")),
        ("id", "has", ("date",)),
    ],
    # the lead (sapo), by its class (also inside longer class names)
    "lead": [("class", "has", ("sapo", "chapeau", "lead", "summary", "description", "excerpt", "intro", "tomtat",
                               "tom-tat"))],
    # the element showing the headline
    "headline": [("tag", "is", ("h1",)), ("class", "has", ("title",))],
}

#: Elements that never hold article text (their whole subtree is skipped).
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "form", "button", "select", "option", "input",
    "textarea", "nav", "aside", "footer", "figure", "figcaption", "svg", "video", "audio", "object", "embed",
    "map", "canvas", "head", "title", "meta", "link",
})
#: Block elements: each starts a new line of text.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tr", "td", "th", "center", "address", "hr",
    "br",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
IMAGE_TAGS = frozenset({"img", "picture"})

#: A class or id with one of these words marks site furniture: related stories, tags, sharing,
#: comments, bylines, captions, ads, menus (matched inside the lower-cased class and id).
FURNITURE_WORDS = (
    "related", "relate", "relation", "lienquan", "lien-quan", "caption", "comment", "binhluan", "share",
    "social", "sharing", "advert", "banner", "breadcrumb", "author", "byline", "tacgia", "tac-gia", "sidebar",
    "widget", "toolbar", "rating", "reaction", "sticky", "topbar", "newsletter", "subscribe",
    "readmore", "read-more", "recommend", "most-read", "mostread", "docnhieu", "tincungchuyenmuc", "same-category",
    "link-source", "source", "copyright", "tplcaption", "photocms", "gallery", "slide",
)
#: ... and these only as a whole word of the class or id (they are parts of longer innocent words).
FURNITURE_TOKENS = frozenset({"tag", "tags", "keyword", "keywords", "ads", "ad", "adv", "menu", "nav", "rela",
                              "rela_news", "box-category", "poll", "video", "audio", "hide",
                              "hidden", "d-none", "invisible"})
#: An inline style that hides the element.
HIDDEN_STYLE = ("display:none", "display: none", "visibility:hidden", "visibility: hidden")
#: Inline styles that mark a centred or italic block (captions) and a right-aligned one (signatures).
CENTRED_STYLE = ("text-align:center", "text-align: center")
RIGHT_STYLE = ("text-align:right", "text-align: right")
ITALIC_STYLE = ("font-style:italic", "font-style: italic")
ITALIC_TAGS = frozenset({"i", "em"})

#: A block with images whose text is at most this many characters per image is a photo or gallery caption.
CAPTION_CHARS_PER_IMAGE = 250
#: ... unless it holds a paragraph of this length (an article block with one photo in it).
PARAGRAPH_CHARS = 80
#: A block is link text (a related headline, a menu) when this share of its letters is inside links.
LINKED_SHARE = 0.6

#: How many elements after the headline the reader looks through for the lead and the dateline.
HEAD_WINDOW = 120
