extension JSONValue {
    /// Parses a complete UTF-8 JSON document, e.g. the body of an API response.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable(parsed) ?? Array(bytes).withUnsafeBufferPointer(parsed)
        return try result.get()
    }

    /// Parses a complete JSON document held as text; offsets in errors count its UTF-8 bytes.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(text.utf8)
    }

    private static func parsed(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        Result { () throws(JSONParseError) in try JSONParser.parse(buffer) }
    }
}
