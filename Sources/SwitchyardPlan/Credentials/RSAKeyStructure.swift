import Foundation

/// Recognises an RSA private key in PEM (PKCS#8 `PRIVATE KEY` or PKCS#1 `RSA PRIVATE KEY`) by its DER
/// structure, without interpreting the numbers.
enum RSAKeyStructure {
    /// The DER object identifier of `rsaEncryption` (1.2.840.113549.1.1.1).
    private static let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]

    static func isRSAPrivateKey(pem: String) -> Bool {
        for (label, parse) in [("PRIVATE KEY", isPKCS8), ("RSA PRIVATE KEY", isPKCS1)] {
            if let der = decode(pem: pem, label: label) { return parse(der) }
        }
        return false
    }

    private static func decode(pem: String, label: String) -> [UInt8]? {
        guard let begin = pem.range(of: "-----BEGIN \(label)-----"),
              let end = pem.range(of: "-----END \(label)-----", range: begin.upperBound..<pem.endIndex) else { return nil }
        let body = pem[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body)).map { [UInt8]($0) }
    }

    /// PrivateKeyInfo ::= SEQUENCE { version INTEGER, algorithm SEQUENCE { OID, ... }, privateKey OCTET STRING }
    private static func isPKCS8(_ der: [UInt8]) -> Bool {
        var reader = DERReader(der)
        guard var info = reader.read(tag: 0x30), reader.isAtEnd,
              info.read(tag: 0x02) != nil,
              var algorithm = info.read(tag: 0x30),
              let oid = algorithm.read(tag: 0x06), oid.bytes == rsaEncryption,
              let key = info.read(tag: 0x04) else { return false }
        return isPKCS1(key.bytes)
    }

    /// RSAPrivateKey ::= SEQUENCE { version, n, e, d, p, q, dP, dQ, qInv } (nine INTEGERs).
    private static func isPKCS1(_ der: [UInt8]) -> Bool {
        var reader = DERReader(der)
        guard var key = reader.read(tag: 0x30), reader.isAtEnd else { return false }
        for _ in 0..<9 where key.read(tag: 0x02) == nil { return false }
        return true
    }
}

/// Reads DER tag-length-value elements.
private struct DERReader {
    private(set) var bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    /// The content of the next element if it has `tag`.
    mutating func read(tag: UInt8) -> DERReader? {
        guard offset < bytes.count, bytes[offset] == tag, offset + 1 < bytes.count else { return nil }
        var cursor = offset + 1
        var length = Int(bytes[cursor])
        cursor += 1
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count > 0, count <= 4, cursor + count <= bytes.count else { return nil }
            length = bytes[cursor..<cursor + count].reduce(0) { $0 << 8 | Int($1) }
            cursor += count
        }
        guard cursor + length <= bytes.count else { return nil }
        offset = cursor + length
        return DERReader(Array(bytes[cursor..<cursor + length]))
    }
}
