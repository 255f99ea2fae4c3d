import Foundation
import Testing
@testable import Scenario

/// The ordered JSON writer behind `colosim run --json`: keys in encoding order, the report's number
/// format, `null` for absent and non-finite values, escaped strings.
@Suite struct OrderedJSONEncoderTests {
    struct Doc: Encodable {
        enum CodingKeys: String, CodingKey { case z, a, whole, big, tiny, nan, absent, count, seed, text, list, nested }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode("last-first", forKey: .z)
            try c.encode(0.1, forKey: .a)
            try c.encode(2.0, forKey: .whole)
            try c.encode(2.5e15, forKey: .big)
            try c.encode(1e-05, forKey: .tiny)
            try c.encode(Double.nan, forKey: .nan)
            try c.encode(Double?.none, forKey: .absent)
            try c.encode(3, forKey: .count)
            try c.encode(UInt64.max, forKey: .seed)
            try c.encode("a\"b\\c\nd\u{1}é/", forKey: .text)
            try c.encode([1.0, -.infinity, 0.25], forKey: .list)
            var n = c.nestedContainer(keyedBy: OrderedJSONKey.self, forKey: .nested)
            try n.encode(true, forKey: OrderedJSONKey("y"))
            try n.encode(Int64(-7), forKey: OrderedJSONKey("x"))
        }
    }

    @Test func writesKeysInOrderWithTheReportNumberFormat() throws {
        let text = try OrderedJSONEncoder.encode(Doc())
        #expect(text == #"{"z":"last-first","a":0.1,"whole":2.0,"big":2500000000000000.0,"tiny":1e-05,"nan":null,"#
            + #""absent":null,"count":3,"seed":18446744073709551615,"text":"a\"b\\c\nd\u0001é/","#
            + #""list":[1.0,null,0.25],"nested":{"y":true,"x":-7}}"#)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }
}
