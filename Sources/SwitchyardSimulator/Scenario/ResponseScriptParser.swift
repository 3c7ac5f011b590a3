/// Parses `respond` scripts: space-separated steps `OUTCOME[@DURATION][xCOUNT]`, optionally ending with the
/// word `loop` (DESIGN.md, "Scenario files").
///
/// Choices where DESIGN.md is silent:
/// - Steps are separated by any run of spaces, tabs or line breaks; an empty script is an error.
/// - Outcomes are lower case; a status must be 400–599 (a 2xx is written `ok`).
/// - `timeout` takes no `@DURATION`: it never answers, so a latency would suggest a behaviour it does not have.
/// - The duration comes before the count (`ok@5msx3`); `COUNT` is 1 to 1,000,000,000.
/// - `loop` only as the last word, after at least one step.
/// Every bad step is reported, each at its own offset in the script.
enum ResponseScriptParser {
    /// One problem in a script, at the Unicode-scalar offset of the step it concerns (`nil`: the whole script).
    struct Problem: Equatable {
        var offset: Int?
        var message: String
    }

    /// The largest `xCOUNT`; keeps a script's total far from overflowing `ResponseScript.step(at:)`.
    static let maximumCount = 1_000_000_000

    static let expectedOutcomes = "`ok`, an HTTP status 400–599, `timeout`, `reset` or `garbage`"

    /// The script `text` describes, or `nil` with every problem found.
    static func parse(_ text: String) -> (script: ResponseScript?, problems: [Problem]) {
        var words = self.words(of: text)
        var problems: [Problem] = []
        guard !words.isEmpty else {
            return (nil, [Problem(offset: nil, message: "the script is empty; expected steps `OUTCOME[@DURATION][xCOUNT]` such as `ok@120ms`")])
        }
        var loops = false
        if words.last?.text == "loop" {
            loops = true
            let loopWord = words.removeLast()
            if words.isEmpty {
                problems.append(Problem(offset: loopWord.offset, message: "`loop` needs at least one step before it"))
            }
        }
        var steps: [ResponseScript.Step] = []
        for word in words {
            if word.text == "loop" {
                problems.append(Problem(offset: word.offset, message: "`loop` can only be the last word of the script"))
                continue
            }
            switch step(word.text) {
            case .success(let step): steps.append(step)
            case .failure(let problem): problems.append(Problem(offset: word.offset, message: "step `\(word.text)`: \(problem.message)"))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (ResponseScript(steps: steps, loops: loops), [])
    }

    /// One step, `OUTCOME[@DURATION][xCOUNT]`.
    static func step(_ text: String) -> Result<ResponseScript.Step, ScenarioDuration.Problem> {
        func fail(_ message: String) -> Result<ResponseScript.Step, ScenarioDuration.Problem> {
            .failure(ScenarioDuration.Problem(message: message))
        }
        let outcomeText = String(text.prefix { $0 != "@" && $0 != "x" })
        var rest = Substring(text.dropFirst(outcomeText.count))
        let outcome: ResponseScript.Outcome
        switch parseOutcome(outcomeText) {
        case .success(let parsed): outcome = parsed
        case .failure(let problem): return fail(problem.message)
        }
        var latency: Int64 = 0
        if rest.first == "@" {
            let durationText = String(rest.dropFirst().prefix { $0 != "x" })
            rest = rest.dropFirst(1 + durationText.count)
            if outcome == .timeout {
                return fail("`timeout` never answers, so it takes no `@DURATION`")
            }
            guard !durationText.isEmpty else { return fail("no duration after `@`; expected \(ScenarioDuration.expectedForm)") }
            switch ScenarioDuration.nanoseconds(from: durationText) {
            case .success(let nanoseconds): latency = nanoseconds
            case .failure(let problem): return fail(problem.message)
            }
        }
        var count = 1
        if rest.first == "x" {
            let countText = rest.dropFirst()
            if countText.contains("@") {
                return fail("the duration comes before the count, as in `ok@120msx3`")
            }
            guard !countText.isEmpty, countText.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return fail("`\(countText)` after `x` is not a count; expected a whole number of at least 1")
            }
            guard let parsed = Int(countText), parsed <= maximumCount else {
                return fail("count `\(countText)` is too large; the limit is \(maximumCount)")
            }
            guard parsed >= 1 else { return fail("count must be at least 1, found `x\(countText)`") }
            count = parsed
        } else if !rest.isEmpty {
            return fail("unexpected `\(rest)`; a step is `OUTCOME[@DURATION][xCOUNT]`, as in `500@20msx3`")
        }
        return .success(ResponseScript.Step(outcome: outcome, latency: latency, count: count))
    }

    private static func parseOutcome(_ text: String) -> Result<ResponseScript.Outcome, ScenarioDuration.Problem> {
        func fail(_ message: String) -> Result<ResponseScript.Outcome, ScenarioDuration.Problem> {
            .failure(ScenarioDuration.Problem(message: message))
        }
        switch text {
        case "ok": return .success(.ok)
        case "timeout": return .success(.timeout)
        case "reset": return .success(.reset)
        case "garbage": return .success(.garbage)
        case "": return fail("no outcome before `@` or `x`; expected \(expectedOutcomes)")
        default: break
        }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return fail("unknown outcome `\(text)`; expected \(expectedOutcomes)")
        }
        guard let status = Int(text), (400...599).contains(status) else {
            if let status = Int(text), (200...299).contains(status) {
                return fail("status \(status) is a success; write `ok` (outcome statuses are errors, 400–599)")
            }
            return fail("status `\(text)` is not an error status; expected \(expectedOutcomes)")
        }
        return .success(.status(status))
    }

    /// The script's words with the Unicode-scalar offset where each starts.
    static func words(of text: String) -> [(text: String, offset: Int)] {
        var words: [(text: String, offset: Int)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if !current.isEmpty { words.append((String(current), start)) }
                current = String.UnicodeScalarView()
            } else {
                if current.isEmpty { start = offset }
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append((String(current), start)) }
        return words
    }
}
