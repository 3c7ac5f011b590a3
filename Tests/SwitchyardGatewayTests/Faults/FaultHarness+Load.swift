import Foundation

extension FaultHarness {
    /// Sends `count` requests for `fault` with at most `concurrency` in flight; returns how many ended with
    /// each status (a request the client could not complete counts under 0).
    func flood(_ fault: FaultCase, count: Int, concurrency: Int) async -> [Int: Int] {
        await withTaskGroup(of: [Int: Int].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var statuses: [Int: Int] = [:]
                    for _ in stride(from: worker, to: count, by: concurrency) {
                        let status = (try? await infer("f_\(fault.name)", stream: fault.stream).status) ?? 0
                        statuses[status, default: 0] += 1
                    }
                    return statuses
                }
            }
            return await group.reduce(into: [:]) { total, part in total.merge(part, uniquingKeysWith: +) }
        }
    }

    /// Open loopback connections between the gateway and the upstreams, as the upstreams count them.
    var upstreamConnections: Int {
        backup.open + upstreams.values.reduce(0) { $0 + $1.open }
    }

    /// Open descriptors not explained by upstream connections: both ends of each live in this process, so each
    /// takes two. Read once the count has held still for half a second (closes and pool expiries land late),
    /// or after 15 s.
    func settledDescriptorsBeyondConnections() async throws -> Int {
        var last = -1
        var steady = 0
        for _ in 0..<150 {
            let current = ProcessResources.openDescriptors - 2 * upstreamConnections
            steady = current == last ? steady + 1 : 0
            if steady >= 5 { return current }
            last = current
            try await Task.sleep(for: .milliseconds(100))
        }
        return last
    }
}
