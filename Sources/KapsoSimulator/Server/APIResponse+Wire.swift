internal import Foundation

extension APIResponse {
    /// The status line and header section, ending in the empty line: the response's own headers in order, then
    /// `Content-Length: contentLength` and `Connection`. CR and LF in header text are dropped, so no route can
    /// split the response.
    func head(contentLength: Int, keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers where name.lowercased() != "content-length" && name.lowercased() != "connection" {
            text += "\(Self.line(name)): \(Self.line(value))\r\n"
        }
        text += "Content-Length: \(contentLength)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(text.utf8)
    }

    /// The whole response: head and body.
    func wire(keepAlive: Bool) -> Data {
        Data(head(contentLength: body.count, keepAlive: keepAlive) + body)
    }

    private static func line(_ text: String) -> String {
        text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) ? text.filter { $0 != "\r" && $0 != "\n" && $0 != "\r\n" } : text
    }
}
