import Foundation
import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// TensorZero's own configs (`/work/shared/reference/tz-configs`, present on the team's machines only) compile
/// without errors, in a stand-in credential environment (the GCP examples' default key file variable names a test
/// service-account file), whenever every template and schema they name exists.
/// The e2e configs need the test-only `dummy` provider and are left out; so are configs naming files that are
/// not there.
final class TensorZeroReferenceConfigTests: XCTestCase {
    private static let folder = "/work/shared/reference/tz-configs"

    func testEveryReferenceConfigWhoseFilesExistCompiles() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.folder) else {
            throw XCTSkip("\(Self.folder) is not on this machine")
        }
        let scratch = ScratchFolder()
        let keyFile = scratch.write("gcp-key.json", KeyFixtures.serviceAccountJSON())
        let overrides = Environment(["GCP_VERTEX_CREDENTIALS_PATH": keyFile, "HOME": scratch.absolute("home")])
        var compiled: [String] = []
        for name in names.sorted() where name.hasSuffix(".toml") && !name.contains("tests__e2e__") {
            let path = "\(Self.folder)/\(name)"
            let loaded = ConfigLoader.load(path)
            if let missing = Self.missingFiles(loaded.config).first {
                print("skipped \(name): it names `\(missing)`, which is not included")
                continue
            }
            let (compilation, _, _) = StandInEnvironment.compile(configAt: path, overrides: overrides)
            let errors = compilation.diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.description), [], name)
            compiled.append(name)
        }
        print("compiled \(compiled.count) reference configs: \(compiled.joined(separator: ", "))")
        XCTAssertGreaterThanOrEqual(compiled.count, 25, "most reference configs name no files")
    }

    /// Templates, schemas and tool parameter files `config` names that cannot be read.
    private static func missingFiles(_ config: TensorZeroConfig) -> [String] {
        let files = config.functions.flatMap { function in
            Array(function.schemas.values) + function.variants.flatMap { Array($0.templates.values) }
        } + config.tools.compactMap(\.parameters)
        return files.map(ReferencedFile.init).filter { $0.contents() == nil }.map(\.written.value).sorted()
    }
}
