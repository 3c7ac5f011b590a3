import ArgumentParser

/// Exit code 3: a review rule was crossed (`analyze --fail-on`, `diff --deny`, `simulate --fail-under`).
let reviewRuleCrossed = ExitCode(3)
