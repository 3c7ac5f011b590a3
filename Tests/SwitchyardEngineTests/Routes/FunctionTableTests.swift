import XCTest
@testable import SwitchyardEngine

/// Function lookup: by comparing names for small configs, through a dictionary for large ones; both find
/// every function and nothing else.
final class FunctionTableTests: XCTestCase {
    private func engine(functions count: Int) throws -> Engine {
        var toml = TestConfig.simpleModel("m")
        for index in 0..<count {
            toml += TestConfig.function("f\(index)", variants: [("v", "m", "")])
        }
        return try makeEngine(toml, env: ["KEY": "k"])
    }

    func testSmallAndLargeTablesFindEveryFunctionByName() throws {
        for count in [1, 8, 9, 40] {
            let table = try engine(functions: count).core.routes
            for index in 0..<count {
                XCTAssertEqual(table["f\(index)"]?.name, "f\(index)", "\(count) functions")
            }
            XCTAssertNil(table["f\(count)"], "\(count) functions")
            XCTAssertNil(table[""], "\(count) functions")
        }
    }
}
