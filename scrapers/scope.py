"""What one site's crawl follows: the links of a fetched page (on the site, crawlable, no crawler trap,
each with its chain) and the hops of a redirect (on the site, within its rules, allowed by robots.txt).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from courlan import is_not_crawlable

from scrapers.discovery import Links, canonical_url
from scrapers.fetch import Refusal
from scrapers.robots import RobotsRules
from scrapers.sites import Site
from scrapers.state import CrawlState
from scrapers.traps import link_trap, url_kind


@dataclass
class SiteScope:
    """The follow rules of one site in one run; ``chains`` (URL → chain, see :mod:`scrapers.traps`) of the
    URLs met in this run, ``trapped`` the trap links left out; ``note`` gets one line per kind of trap."""

    site: Site
    robots: RobotsRules
    state: CrawlState
    note: Callable[[str], None]
    chains: dict[str, int] = field(default_factory=dict)
    trapped: set[str] = field(default_factory=set)
    trap_kinds: set[str] = field(default_factory=set)

    def check_hop(self, source: str, target: str) -> Refusal | None:
        """Why the redirect from ``source`` to ``target`` must not be followed, or None to follow it
        (thread-safe: the fetch threads call it)."""
        link = canonical_url(target)
        if link is None:
            return Refusal("out_of_scope", "not a web page")
        if not self.site.in_scope(link):
            return Refusal("out_of_scope", f"outside the site {self.site.name}")
        if not self.site.follows_redirect(source, link):
            return Refusal("out_of_scope", f"not a page the rules of {self.site.name} follow")
        if not self.robots.allowed(target):
            return Refusal("disallowed", "robots.txt disallows it")
        return None

    def links_to_follow(self, url: str, final_url: str, found: Links, seen: set[str]) -> list[str]:
        """The links of the page fetched at ``url`` (ending at ``final_url``) worth fetching; the ones not in
        ``seen`` are checked for traps and get their chain."""
        candidates = [link for link in found.sitemaps if self.site.in_scope(link)]
        candidates += [link for link in found.pages if self.site.follows(link) and not is_not_crawlable(link)]
        chain = self.chains[url] if url in self.chains else self.state.chain(url)
        kind = url_kind(final_url)
        links = []
        for link in candidates:
            if link not in seen:
                reason, link_chain = link_trap(link, kind, chain)
                if reason is not None:
                    self.trap(link, reason)
                    continue
                self.chains.setdefault(link, link_chain)
            links.append(link)
        return links

    def trap(self, link: str, reason: str) -> None:
        """Leave out a trap link, with a note the first time its kind of trap is met on the site in this run."""
        self.trapped.add(link)
        if reason not in self.trap_kinds:
            self.trap_kinds.add(reason)
            self.note(f"unionnews: {self.site.name}: not following {link}: {reason} (a crawler trap?); "
                      f"links like it are counted as trapped")
