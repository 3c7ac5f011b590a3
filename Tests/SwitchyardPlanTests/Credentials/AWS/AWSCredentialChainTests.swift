import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

final class AWSCredentialChainTests: XCTestCase {
    private let scratch = ScratchFolder()

    private func resolve(_ variables: [String: String]) -> Result<AWSCredentialChain.Keys, AWSCredentialChain.Failure> {
        AWSCredentialChain.resolve(Environment(variables))
    }

    func testTheEnvironmentComesFirst() throws {
        scratch.write("home/.aws/credentials", "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n")
        let keys = try resolve([
            "HOME": scratch.absolute("home"), "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "tok",
        ]).get()
        XCTAssertEqual(keys.accessKeyID, Secret("AKIAENV"))
        XCTAssertEqual(keys.sessionToken, Secret("tok"))
        XCTAssertEqual(keys.source, "the environment")
    }

    func testTheDefaultProfileUnderHome() throws {
        let path = scratch.write("home/.aws/credentials", "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n")
        let keys = try resolve(["HOME": scratch.absolute("home")]).get()
        XCTAssertEqual(keys.accessKeyID, Secret("AKIAFILE"))
        XCTAssertEqual(keys.secretAccessKey, Secret("file-secret"))
        XCTAssertEqual(keys.source, "profile `default` in `\(path)`")
    }

    func testTheNamedProfileFromTheConfigFileAndOverriddenPaths() throws {
        let config = scratch.write("elsewhere/config", "[profile dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = dev-secret\naws_session_token = dev-token\n")
        let keys = try resolve(["AWS_PROFILE": "dev", "AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": scratch.write("creds", "")]).get()
        XCTAssertEqual(keys.accessKeyID, Secret("AKIADEV"))
        XCTAssertEqual(keys.sessionToken, Secret("dev-token"))
    }

    func testAMissingProfileNamesItAndTheFilesSearched() {
        let credentials = scratch.write("creds", "[default]\naws_access_key_id = A\naws_secret_access_key = s\n")
        guard case .failure(let failure) = resolve(["AWS_PROFILE": "ghost", "AWS_SHARED_CREDENTIALS_FILE": credentials]) else { return XCTFail() }
        XCTAssertEqual(failure.description, "`AWS_PROFILE` names the profile `ghost`, which is not defined in `\(credentials)`")
    }

    func testANamedFileThatDoesNotExistIsAProblemNamingIt() {
        let missing = scratch.absolute("no-such-file")
        guard case .failure(let failure) = resolve(["AWS_SHARED_CREDENTIALS_FILE": missing]) else { return XCTFail() }
        XCTAssertEqual(failure.file, missing)
        XCTAssertEqual(failure.description, "the AWS shared credentials file `\(missing)` cannot be read")
    }

    func testAMalformedFileIsAProblemNamingIt() {
        let path = scratch.write("bad", "[default]\nnot a property\n")
        guard case .failure(let failure) = resolve(["AWS_SHARED_CREDENTIALS_FILE": path]) else { return XCTFail() }
        XCTAssertEqual(failure.file, path)
        XCTAssertTrue(failure.description.contains("malformed at line 2"))
    }

    func testAssumeRoleProfilesAreNotSupportedAndSaySo() {
        let config = scratch.write("config", "[profile ops]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n")
        guard case .failure(let failure) = resolve(["AWS_PROFILE": "ops", "AWS_CONFIG_FILE": config]) else { return XCTFail() }
        XCTAssertTrue(failure.description.contains("assume-role (`role_arn`), which this build does not support"))
    }

    func testContainerAndInstanceMetadataAreReportedAsUnavailable() {
        guard case .failure(let container) = resolve(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/x"]) else { return XCTFail() }
        XCTAssertEqual(container.description, "container credentials (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`) are not available in this build")
        guard case .failure(let nothing) = resolve([:]) else { return XCTFail() }
        XCTAssertTrue(nothing.description.contains("instance-metadata (IMDS) credentials are not available in this build"))
        XCTAssertTrue(nothing.description.contains("in no shared file (`HOME` is unset)"))
    }

    func testRegionChain() {
        let config = scratch.write("config", "[profile dev]\nregion = eu-north-1\n")
        XCTAssertEqual(AWSRegionChain.resolve(Environment(["AWS_REGION": "us-west-1", "AWS_DEFAULT_REGION": "us-west-2"])), "us-west-1")
        XCTAssertEqual(AWSRegionChain.resolve(Environment(["AWS_DEFAULT_REGION": "us-west-2"])), "us-west-2")
        XCTAssertEqual(AWSRegionChain.resolve(Environment(["AWS_PROFILE": "dev", "AWS_CONFIG_FILE": config])), "eu-north-1")
        XCTAssertNil(AWSRegionChain.resolve(Environment([:])))
    }
}
