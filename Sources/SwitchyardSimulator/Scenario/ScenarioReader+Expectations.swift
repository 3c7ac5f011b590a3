import SwitchyardConfig

extension ScenarioReader {
    static let expectFields = [
        "status", "error", "served_by", "variant", "variant_share", "tolerance", "p_value", "credential", "fallback_credential",
        "attempts", "latency_ms", "startup", "startup_error",
    ]
    /// `expect` keys about the phase's requests, meaningless in a phase without `send`.
    static let requestExpectFields = Set(expectFields).subtracting(["startup", "startup_error"])
    static let latencyFields = ["p50", "p99"]

    /// What the keys of a count table name, to reject keys no run could produce.
    enum CountKeys {
        case httpStatus
        case upstream
        case credentialLocation
        case variant
    }

    /// A phase's `expect` table; `requests` is what its `send`s add up to.
    func readExpectations(_ value: TOMLValue, path: String, requests: PhaseRequests) -> Expectations {
        var expectations = Expectations()
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics) else { return expectations }
        func countTable(_ key: String, _ keys: CountKeys) -> [String: Located<ExpectedCount>] {
            reader.value(key).map { readCountTable($0, path: keyPath(path, key), keys: keys, requests: requests) } ?? [:]
        }
        expectations.status = countTable("status", .httpStatus)
        expectations.servedBy = countTable("served_by", .upstream)
        expectations.variant = countTable("variant", .variant)
        expectations.credential = countTable("credential", .credentialLocation)
        expectations.error = readSubstring(&reader, "error")
        expectations.variantShare = reader.value("variant_share").map { readShares($0, path: keyPath(path, "variant_share")) } ?? [:]
        let hasShares = reader.contains("variant_share")
        expectations.tolerance = readTolerance(&reader, hasShares: hasShares)
        expectations.pValue = readPValue(&reader, hasShares: hasShares)
        expectations.fallbackCredential = reader.value("fallback_credential").flatMap { readCount($0, path: keyPath(path, "fallback_credential")) }
        if let fallback = expectations.fallbackCredential {
            checkAtMostTotal(fallback, path: keyPath(path, "fallback_credential"), requests: requests)
        }
        expectations.attempts = reader.value("attempts").flatMap { readCount($0, path: keyPath(path, "attempts")) }
        if let latency = reader.value("latency_ms") {
            (expectations.latencyP50Ms, expectations.latencyP99Ms) = readLatency(latency, path: keyPath(path, "latency_ms"))
        }
        readStartup(&reader, into: &expectations, requests: requests)
        reader.rejectUnknownKeys(expected: Self.expectFields)
        if requests == .none {
            for entry in reader.table.entries where Self.requestExpectFields.contains(entry.key) {
                diagnostics.report(
                    .invalidValue, at: entry.keyLocation, path: keyPath(path, entry.key),
                    "`expect.\(entry.key)` checks requests, but this phase has no `send`; add one or remove the expectation"
                )
            }
        }
        return expectations
    }

    private func readSubstring(_ reader: inout TableReader, _ key: String) -> Located<String>? {
        guard let text = reader.string(key) else { return nil }
        if text.value.isEmpty {
            diagnostics.report(.invalidValue, at: text.location, path: reader.path(of: key), "an empty `\(key)` matches every message; write the substring to look for")
        }
        return text
    }

    private func readTolerance(_ reader: inout TableReader, hasShares: Bool) -> Located<Double>? {
        guard let tolerance = reader.number("tolerance") else { return nil }
        let path = reader.path(of: "tolerance")
        if !tolerance.value.isFinite || tolerance.value < 0 {
            diagnostics.report(.invalidValue, at: tolerance.location, path: path, "`tolerance` must be a number of at least 0, found \(tolerance.value)")
        } else if !hasShares {
            diagnostics.report(.invalidValue, at: tolerance.location, path: path, "`tolerance` only applies to `variant_share`, which this phase does not expect")
        }
        return tolerance
    }

    private func readPValue(_ reader: inout TableReader, hasShares: Bool) -> Located<Double>? {
        guard let level = reader.number("p_value") else { return nil }
        let path = reader.path(of: "p_value")
        if !level.value.isFinite || level.value <= 0 || level.value >= 1 {
            diagnostics.report(.invalidValue, at: level.location, path: path, "`p_value` is a significance level between 0 and 1 (e.g. 0.01), found \(level.value)")
            return nil
        }
        if !hasShares {
            diagnostics.report(.invalidValue, at: level.location, path: path, "`p_value` tests `variant_share`, which this phase does not expect")
        }
        return level
    }

    private func readStartup(_ reader: inout TableReader, into expectations: inout Expectations, requests: PhaseRequests) {
        if let startup = reader.string("startup") {
            if let expected = StartupExpectation(rawValue: startup.value) {
                expectations.startup = Located(expected, at: startup.location)
            } else {
                diagnostics.report(.invalidValue, at: startup.location, path: reader.path(of: "startup"), "expected \"ok\" or \"error\", found \"\(startup.value)\"")
            }
        }
        expectations.startupError = readSubstring(&reader, "startup_error")
        if let startupError = expectations.startupError {
            if expectations.startup?.value == .ok {
                diagnostics.report(
                    .invalidValue, at: startupError.location, path: reader.path(of: "startup_error"),
                    "`startup_error` expects a failed start, but `startup` is \"ok\""
                )
            } else if expectations.startup == nil {
                expectations.startup = Located(.error, at: startupError.location)
            }
        }
        if let startup = expectations.startup, startup.value == .error, requests != .none {
            diagnostics.report(
                .invalidValue, at: startup.location, path: reader.path(of: reader.contains("startup") ? "startup" : "startup_error"),
                "a gateway expected not to start cannot serve this phase's `send`; remove `send` or expect a successful start"
            )
        }
    }

    // MARK: Counts

    /// A table of key → count. Each count is located at its key (the variant, upstream, status or credential
    /// it is about), so that later checks against the config and unmet expectations point at the name.
    private func readCountTable(_ value: TOMLValue, path: String, keys: CountKeys, requests: PhaseRequests) -> [String: Located<ExpectedCount>] {
        guard let table = TableReader(value, path: path, diagnostics: diagnostics) else { return [:] }
        var counts: [(key: Located<String>, count: Located<ExpectedCount>)] = []
        for entry in table.table.entries {
            let entryPath = Self.path(path, quoting: entry.key)
            checkCountKey(entry.key, at: entry.keyLocation, path: entryPath, keys: keys)
            if let count = readCount(entry.value, path: entryPath) {
                counts.append((Located(entry.key, at: entry.keyLocation), count))
                checkAtMostTotal(count, path: entryPath, requests: requests)
            }
        }
        if case .exactly(let total) = requests {
            checkCountsAddUp(counts.map { ($0.key.value, $0.count) }, tableAt: value.location, path: path, total: total)
        }
        return Dictionary(
            counts.map { ($0.key.value, Located($0.count.value, at: $0.key.location)) }, uniquingKeysWith: { first, _ in first }
        )
    }

    private func checkCountKey(_ key: String, at location: SourceLocation, path: String, keys: CountKeys) {
        switch keys {
        case .httpStatus:
            guard key.count == 3, key.allSatisfy({ $0.isASCII && $0.isNumber }), let status = Int(key), (100...599).contains(status) else {
                diagnostics.report(.invalidValue, at: location, path: path, "`\(key)` is not an HTTP status; expected a status such as \"200\" or \"429\"")
                return
            }
        case .upstream:
            guard key.contains(".") || key.contains("::") else {
                diagnostics.report(
                    .invalidValue, at: location, path: path,
                    "`\(key)` is not an upstream name; expected `MODEL.PROVIDER` or a shorthand model such as `openai::gpt-4o-mini`"
                )
                return
            }
        case .credentialLocation:
            guard CredentialLocation(parsing: key) != nil else {
                diagnostics.report(.invalidCredentialLocation, at: location, path: path, CredentialLocation.formatError(key))
                return
            }
        case .variant:
            return
        }
    }

    private func checkAtMostTotal(_ count: Located<ExpectedCount>, path: String, requests: PhaseRequests) {
        guard case .exactly(let expected) = count.value, case .exactly(let total) = requests, expected > total else { return }
        diagnostics.report(.invalidValue, at: count.location, path: path, "expects \(expected), but the phase sends only \(total) request\(total == 1 ? "" : "s")")
    }

    /// Each request (or success) is counted under one key, so the counts cannot add up to more than the total,
    /// and `"all"` leaves nothing for another key.
    private func checkCountsAddUp(_ counts: [(key: String, count: Located<ExpectedCount>)], tableAt location: SourceLocation, path: String, total: Int) {
        if let all = counts.first(where: { $0.count.value == .all }) {
            for (key, count) in counts where key != all.key && count.value != .exactly(0) {
                diagnostics.report(
                    .invalidValue, at: count.location, path: Self.path(path, quoting: key),
                    "`\(all.key)` expects all requests, which leaves none for `\(key)`"
                )
            }
            return
        }
        let exactCounts = counts.compactMap { if case .exactly(let number) = $0.count.value { number } else { nil } }
        let sum = exactCounts.reduce(0) { $0.addingReportingOverflow($1).partialValue }
        if exactCounts.allSatisfy({ $0 <= total }), sum > total {
            diagnostics.report(.invalidValue, at: location, path: path, "the counts add up to \(sum), but the phase sends only \(total) request\(total == 1 ? "" : "s")")
        }
    }

    // MARK: Shares and latency

    /// `variant_share`: variant → share, each located at its variant's key.
    private func readShares(_ value: TOMLValue, path: String) -> [String: Located<Double>] {
        guard let table = TableReader(value, path: path, diagnostics: diagnostics) else { return [:] }
        var shares: [String: Located<Double>] = [:]
        var sum = 0.0
        for entry in table.table.entries {
            let entryPath = Self.path(path, quoting: entry.key)
            guard let share = number(entry.value, path: entryPath) else { continue }
            guard share >= 0, share <= 1 else {
                diagnostics.report(.invalidValue, at: entry.value.location, path: entryPath, "a share lies between 0 and 1, found \(share)")
                continue
            }
            sum += share
            shares[entry.key] = Located(share, at: entry.keyLocation)
        }
        if sum > 1 + 1e-9 {
            diagnostics.report(.invalidValue, at: value.location, path: path, "the shares add up to \(sum), more than 1")
        }
        return shares
    }

    private func readLatency(_ value: TOMLValue, path: String) -> (p50: Located<Double>?, p99: Located<Double>?) {
        guard var reader = TableReader(value, path: path, diagnostics: diagnostics) else { return (nil, nil) }
        func percentile(_ key: String) -> Located<Double>? {
            guard let milliseconds = reader.number(key) else { return nil }
            guard milliseconds.value.isFinite, milliseconds.value >= 0 else {
                diagnostics.report(.invalidValue, at: milliseconds.location, path: reader.path(of: key), "a latency is a number of milliseconds of at least 0, found \(milliseconds.value)")
                return nil
            }
            return milliseconds
        }
        let p50 = percentile("p50")
        let p99 = percentile("p99")
        reader.rejectUnknownKeys(expected: Self.latencyFields)
        if !reader.contains("p50"), !reader.contains("p99") {
            diagnostics.report(.invalidValue, at: value.location, path: path, "`latency_ms` names no percentile; expected `p50` and/or `p99`")
        }
        return (p50, p99)
    }

    /// A finite number (integers are accepted).
    private func number(_ value: TOMLValue, path: String) -> Double? {
        switch value.kind {
        case .integer(let number): return Double(number)
        case .float(let number) where number.isFinite: return number
        case .float(let number):
            diagnostics.report(.invalidValue, at: value.location, path: path, "expected a finite number, found \(number)")
        default:
            diagnostics.report(.wrongType, at: value.location, path: path, "expected a number, found \(value.typeName)")
        }
        return nil
    }
}
