import XCTest
@testable import SwitchyardSimulator

/// The simulation's event queue: earliest time first, and events at the same time in the order they were pushed.
final class EventQueueTests: XCTestCase {
    private func drain(_ queue: inout EventQueue<String>) -> [String] {
        var popped: [String] = []
        while let (_, payload) = queue.pop() { popped.append(payload) }
        return popped
    }

    func testAnEmptyQueuePopsNothing() {
        var queue = EventQueue<Int>()
        XCTAssertTrue(queue.isEmpty)
        XCTAssertNil(queue.pop())
    }

    func testPopsInTimeOrderWithTheirTimes() {
        var queue = EventQueue<String>()
        queue.push("c", at: 30, now: 0)
        queue.push("a", at: 10, now: 0)
        queue.push("b", at: 20, now: 0)
        XCTAssertFalse(queue.isEmpty)
        XCTAssertEqual(queue.pop().map { "\($0.payload)@\($0.time)" }, "a@10")
        XCTAssertEqual(queue.pop().map { "\($0.payload)@\($0.time)" }, "b@20")
        XCTAssertEqual(queue.pop().map { "\($0.payload)@\($0.time)" }, "c@30")
        XCTAssertTrue(queue.isEmpty)
    }

    func testEqualTimesPopInInsertionOrder() {
        var queue = EventQueue<String>()
        for name in ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"] { queue.push(name, at: 5, now: 0) }
        queue.push("earlier", at: 1, now: 0)
        XCTAssertEqual(drain(&queue), ["earlier", "first", "second", "third", "fourth", "fifth", "sixth", "seventh"])
    }

    func testEventsPushedWhileDrainingKeepTheOrder() {
        var queue = EventQueue<String>()
        queue.push("a", at: 0, now: 0)
        queue.push("b", at: 10, now: 0)
        var order: [String] = []
        while let (time, payload) = queue.pop() {
            order.append(payload)
            if payload == "a" {
                queue.push("a-same-time", at: time, now: time)
                queue.push("a-later", at: 10, now: time)
            }
        }
        XCTAssertEqual(order, ["a", "a-same-time", "b", "a-later"])
    }

    func testMatchesAStableSortOnManyEvents() {
        var queue = EventQueue<Int>()
        var random = SplitMix64Reference(seed: 7)
        var expected: [(time: Int64, index: Int)] = []
        for index in 0..<5_000 {
            let time = Int64(random.next() % 200)
            queue.push(index, at: time, now: 0)
            expected.append((time, index))
        }
        // Interleave pops and pushes, as the simulation does.
        var popped: [(Int64, Int)] = []
        for _ in 0..<1_000 {
            let (time, index) = queue.pop()!
            popped.append((time, index))
        }
        for index in 5_000..<6_000 {
            queue.push(index, at: 199, now: 0)
            expected.append((199, index))
        }
        while let (time, index) = queue.pop() { popped.append((time, index)) }
        let sorted = expected.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        XCTAssertEqual(popped.map(\.0), sorted.map(\.time))
        XCTAssertEqual(popped.map(\.1), sorted.map(\.index))
    }

    /// The simulation's pattern: time moves forward with each pop; most events come back after one of a few
    /// delays (each gets a lane), some after delays drawn at random (more than the lanes hold), and some at
    /// times before events already queued with their delay (their caller's `now` lags). Every pop is the earliest pending event, ties going
    /// to the one pushed first, as a plain list searched each time says.
    func testLanesAndOverflowTogetherPopTheEarliestPendingEvent() {
        var queue = EventQueue<Int>()
        var random = SplitMix64Reference(seed: 11)
        let commonDelays: [Int64] = [0, 20, 80, 120, 300_000]
        var pending: [(time: Int64, index: Int)] = []
        var now: Int64 = 0
        var pops = 0
        for index in 0..<20_000 {
            let delay = random.next() % 10 < 7 ? commonDelays[Int(random.next() % 5)] : Int64(random.next() % 5_000)
            let lag = random.next() % 10 == 0 ? Int64(random.next() % 100) : 0
            let time = now - lag + delay
            queue.push(index, at: time, now: now - lag)
            pending.append((time, index))
            while random.next() % 2 == 0, let (time, value) = queue.pop() {
                let earliest = pending.indices.min { (pending[$0].time, pending[$0].index) < (pending[$1].time, pending[$1].index) }!
                XCTAssertEqual(value, pending[earliest].index, "pop \(pops)")
                XCTAssertEqual(time, pending[earliest].time)
                pending.remove(at: earliest)
                now = max(now, time)
                pops += 1
            }
        }
        while let (_, value) = queue.pop() {
            let earliest = pending.indices.min { (pending[$0].time, pending[$0].index) < (pending[$1].time, pending[$1].index) }!
            XCTAssertEqual(value, pending[earliest].index)
            pending.remove(at: earliest)
        }
        XCTAssertTrue(pending.isEmpty)
        XCTAssertGreaterThan(pops, 5_000)
    }
}

/// A SplitMix64 written out here, so the queue test does not depend on the engine's generator.
struct SplitMix64Reference {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
