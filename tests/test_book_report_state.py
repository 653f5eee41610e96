"""The one report of problems (textbook/report.py): every feature adds, the end of a build
takes them all, once each and in the order found, and the next build starts with none."""

from __future__ import annotations

from textbook import report


def test_problems_are_taken_once_each_in_order_and_not_kept():
    report.take()  # whatever an earlier test left
    report.add("b.md:2: two", "a.md:1: one")
    report.add("b.md:2: two")
    assert report.take() == ["b.md:2: two", "a.md:1: one"]
    assert report.take() == []


def test_adding_nothing_reports_nothing():
    report.take()
    report.add()
    assert report.take() == []
