/// What the AWS providers send with every request (TensorZero's `send_aws_request`).
enum AWSWire {
    static let jsonHeaders = [("content-type", "application/json"), ("accept", "application/json")]

    /// The SigV4 service name of an AWS provider type.
    static func service(of type: String) -> String {
        type == "aws_sagemaker" ? "sagemaker" : "bedrock"
    }
}
