import XCTest
@testable import SwitchyardSimulator

/// Selection must give exactly what sorting would, at every rank, with and without repeated values.
final class SelectionTests: XCTestCase {
    func testEveryRankMatchesTheSortedOrder() {
        var generator = SystemRandomNumberGenerator()
        for (count, spread) in [(1, 10), (2, 1), (7, 3), (100, 1_000), (1_000, 5), (513, 1_000_000)] {
            let values = (0..<count).map { _ in Int64.random(in: 0..<Int64(spread), using: &generator) }
            let sorted = values.sorted()
            for rank in values.indices {
                var scratch = values
                XCTAssertEqual(Selection.select(rank, in: &scratch), sorted[rank], "count \(count), rank \(rank)")
            }
        }
    }

    func testAllEqualValues() {
        var values = Array(repeating: Int64(42), count: 1_000)
        XCTAssertEqual(Selection.select(999, in: &values), 42)
    }
}
