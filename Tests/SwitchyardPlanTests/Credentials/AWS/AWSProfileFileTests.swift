import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

final class AWSProfileFileTests: XCTestCase {
    func testReadsProfilesCommentsAndContinuationLines() throws {
        let text = """
            # a comment
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key=default-secret ; not a comment in a value

            [profile dev]
            region = eu-west-1
            s3 =
              max_concurrent_requests = 10
            [sso-session corp]
            sso_region = us-east-1
            """
        let file = try AWSProfileFile.parse(text, path: "/x/config", kind: .config).get()
        XCTAssertEqual(file.profiles["default"]?["aws_access_key_id"], Secret("AKIADEFAULT"))
        XCTAssertEqual(file.profiles["default"]?["aws_secret_access_key"], Secret("default-secret ; not a comment in a value"))
        XCTAssertEqual(file.profiles["dev"]?["region"], Secret("eu-west-1"))
        XCTAssertNil(file.profiles["corp"], "an sso-session section is not a profile")
        XCTAssertEqual(Set(file.profiles.keys), ["default", "dev"])
    }

    func testCredentialsFileSectionsAreBareProfileNames() throws {
        let file = try AWSProfileFile.parse("[profile dev]\naws_access_key_id = A\n", path: "c", kind: .credentials).get()
        XCTAssertNotNil(file.profiles["profile dev"])
    }

    func testAMalformedLineNamesTheFileAndLineButNotItsText() {
        let text = "[default]\naws_access_key_id = AKIA\nthis line has the secret-value-42 and no equals sign\n"
        guard case .failure(let problem) = AWSProfileFile.parse(text, path: "/home/u/.aws/credentials", kind: .credentials) else {
            return XCTFail("expected a problem")
        }
        XCTAssertEqual(problem.description, "the AWS shared credentials file `/home/u/.aws/credentials` is malformed at line 3: expected `name = value`")
        XCTAssertFalse(problem.description.contains("secret-value-42"))
    }

    func testAPropertyBeforeAnySectionIsMalformed() {
        guard case .failure(let problem) = AWSProfileFile.parse("region = us-east-1\n", path: "f", kind: .config) else { return XCTFail() }
        XCTAssertTrue(problem.description.contains("line 1: a property must follow a `[profile]` section header"))
    }
}
