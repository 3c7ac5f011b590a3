import XCTest
@testable import SwitchyardEngine

/// The variant set: one inline word for up to 64 variants, spilling into more words beyond, always walked in
/// ascending order.
final class VariantSetTests: XCTestCase {
    private func members(_ set: VariantSet) -> [Int] {
        var numbers: [Int] = []
        set.forEach { numbers.append($0); return true }
        return numbers
    }

    func testAllHoldsEveryNumberInOrder() {
        let set = VariantSet(all: 5)
        XCTAssertEqual(members(set), [0, 1, 2, 3, 4])
        XCTAssertEqual(set.count, 5)
        XCTAssertEqual((0..<5).map(set.element(at:)), [0, 1, 2, 3, 4])
    }

    func testNumbersBeyondOneWordSpillAndStayOrdered() {
        var set = VariantSet([200, 3, 64, 63, 130])
        XCTAssertEqual(members(set), [3, 63, 64, 130, 200])
        XCTAssertEqual(set.count, 5)
        XCTAssertEqual(set.element(at: 2), 64)
        XCTAssertEqual(set.element(at: 4), 200)
        XCTAssertTrue(set.contains(130))
        XCTAssertFalse(set.contains(129))
        XCTAssertFalse(set.contains(1_000))
        set.remove(64)
        set.remove(3)
        XCTAssertEqual(members(set), [63, 130, 200])
        XCTAssertEqual(set.element(at: 1), 130)
    }

    func testRemovingEveryMemberEmptiesTheSet() {
        var set = VariantSet(all: 70)
        for number in 0..<70 { set.remove(number) }
        XCTAssertTrue(set.isEmpty)
        XCTAssertEqual(set.count, 0)
        XCTAssertEqual(set, VariantSet(all: 70).intersection(VariantSet()))
    }

    func testIntersectionKeepsCommonMembersInBothWords() {
        let left = VariantSet([1, 2, 65, 100])
        let right = VariantSet([2, 3, 100, 101])
        XCTAssertEqual(members(left.intersection(right)), [2, 100])
        XCTAssertEqual(members(left.intersection(VariantSet([1]))), [1])
    }

    func testForEachStopsWhenAsked() {
        var seen: [Int] = []
        VariantSet([1, 5, 70, 90]).forEach { seen.append($0); return $0 < 70 }
        XCTAssertEqual(seen, [1, 5, 70])
    }
}
