// libFuzzer target: the JSON parser. Property: any bytes parse or throw a JSONParseError (no crash), and a
// parsed value serialised (compact and pretty) parses back to an equal value that serialises the same.
import KapsoClient

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONValue.parse(bytes) else { return 0 }
    for pretty in [false, true] {
        let text = value.serialized(pretty: pretty)
        guard let again = try? JSONValue.parse(Array(text.utf8)), again == value, again.serialized(pretty: pretty) == text
        else {
            fatalError("round trip failed: \(Array(bytes)) -> \(text.debugDescription)")
        }
    }
    return 0
}
