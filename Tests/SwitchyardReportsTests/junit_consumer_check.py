#!/usr/bin/env python3
"""Reads a JUnit XML file written by `switchyard simulate --junit` with the `junitparser` package, the
way CI tools consume it, prints what it sees and checks that it is consistent.

    junit_consumer_check.py REPORT.xml [--suites N] [--cases N] [--failures N] [--errors N] [--skipped N]

Checks, for every <testsuite>: its tests/failures/errors/skipped attributes equal what its testcases
hold; it has the seed/config/file properties; every testcase has a name and the suite's name as
classname; failures are `ExpectationFailed`, errors `PhaseError` or `ScenarioError`, each with a
message and text. The <testsuites> totals must equal the sums. The --OPTION N arguments also assert
totals. Exit status: 0 when everything holds (even if the report itself records failed tests), 1
when a check fails, 2 on bad usage or an unreadable file.
"""

import argparse
import sys

from junitparser import Error, Failure, JUnitXml, Skipped, TestSuite

FAILURE_TYPES = {"ExpectationFailed"}
ERROR_TYPES = {"PhaseError", "ScenarioError"}
PROPERTIES = ("seed", "config", "file")


class Checker:
    def __init__(self):
        self.problems = []

    def expect(self, condition, message):
        if not condition:
            self.problems.append(message)


def suites_of(xml):
    """The suites of a document whose root is <testsuites> or a single <testsuite>."""
    return [xml] if isinstance(xml, TestSuite) else list(xml)


def check_case(case, suite_name, where, check):
    results = list(case.result)
    failures = [r for r in results if isinstance(r, Failure)]
    errors = [r for r in results if isinstance(r, Error)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    check.expect(bool(case.name), f"{where}: testcase without a name")
    check.expect(case.classname == suite_name, f"{where}: classname {case.classname!r} is not the suite's name")
    check.expect(case.time is not None and case.time >= 0, f"{where}: time {case.time!r} is not a duration")
    for failure in failures:
        check.expect(failure.type in FAILURE_TYPES, f"{where}: failure type {failure.type!r}")
        check.expect(bool(failure.message) and bool(failure.text), f"{where}: failure without message or text")
    for error in errors:
        check.expect(error.type in ERROR_TYPES, f"{where}: error type {error.type!r}")
        check.expect(bool(error.message) and bool(error.text), f"{where}: error without message or text")
    check.expect(not (failures and errors), f"{where}: both a failure and an error")
    if errors:
        return "error", errors[0].message
    if failures:
        return "failure", failures[0].message
    if skipped:
        return "skipped", skipped[0].message
    return "passed", None


def first_line(text):
    lines = text.splitlines() or [""]
    return lines[0] + (" …" if len(lines) > 1 else "")


def check_suite(index, suite, check):
    where = f"testsuite[{index}] {suite.name!r}"
    check.expect(bool(suite.name), f"testsuite[{index}]: no name")
    properties = {p.name: p.value for p in suite.properties()}
    for name in PROPERTIES:
        check.expect(name in properties, f"{where}: property {name!r} missing")
    print(f"suite {suite.name!r}: {suite.tests} tests, {suite.failures} failures, {suite.errors} errors, "
          f"{suite.skipped} skipped, {suite.time}s, seed {properties.get('seed')}, file {properties.get('file')!r}")
    counts = {"passed": 0, "failure": 0, "error": 0, "skipped": 0}
    cases = list(suite)
    for number, case in enumerate(cases, start=1):
        outcome, message = check_case(case, suite.name, f"{where} testcase[{number}] {case.name!r}", check)
        counts[outcome] += 1
        mark = "✓" if outcome == "passed" else "✗"
        detail = f" [{outcome}] {first_line(message)}" if message else ""
        print(f"  {mark} {case.name!r} ({case.time}s){detail}")
    check.expect(suite.tests == len(cases), f"{where}: tests={suite.tests}, but {len(cases)} testcases")
    check.expect(suite.failures == counts["failure"], f"{where}: failures={suite.failures}, counted {counts['failure']}")
    check.expect(suite.errors == counts["error"], f"{where}: errors={suite.errors}, counted {counts['error']}")
    check.expect((suite.skipped or 0) == counts["skipped"], f"{where}: skipped={suite.skipped}, counted {counts['skipped']}")
    return len(cases), counts


def main(argv):
    parser = argparse.ArgumentParser(description="Check a Switchyard JUnit report with junitparser.")
    parser.add_argument("report")
    for name in ("suites", "cases", "failures", "errors", "skipped"):
        parser.add_argument(f"--{name}", type=int, help=f"expected number of {name}")
    args = parser.parse_args(argv)

    try:
        xml = JUnitXml.fromfile(args.report)
    except Exception as error:  # junitparser raises parser-specific errors
        print(f"{args.report}: cannot read: {error}", file=sys.stderr)
        return 2

    check = Checker()
    suites = suites_of(xml)
    totals = {"suites": len(suites), "cases": 0, "failures": 0, "errors": 0, "skipped": 0}
    for index, suite in enumerate(suites, start=1):
        cases, counts = check_suite(index, suite, check)
        totals["cases"] += cases
        totals["failures"] += counts["failure"]
        totals["errors"] += counts["error"]
        totals["skipped"] += counts["skipped"]

    if not isinstance(xml, TestSuite):
        for attribute, total in (("tests", "cases"), ("failures", "failures"), ("errors", "errors")):
            declared = getattr(xml, attribute)
            check.expect(declared is None or declared == totals[total],
                         f"<testsuites {attribute}={declared}>, but the suites hold {totals[total]}")
    for name, total in totals.items():
        wanted = getattr(args, name)
        check.expect(wanted is None or wanted == total, f"expected {wanted} {name}, found {total}")

    print(f"{totals['suites']} suites, {totals['cases']} cases: {totals['failures']} failures, "
          f"{totals['errors']} errors, {totals['skipped']} skipped")
    for problem in check.problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if check.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
