extension CurlTransfer {
    /// What `configure` sets for a GET without a body, apart from its URL: two equal ones leave the handle's options
    /// as they are but the URL. Nil for any other request (a write, a HEAD, a GET with a body), which is always
    /// configured afresh, as is the request after it.
    struct PlainGet: Equatable {
        var connectTimeout: Double
        var timeout: Double
        var userAgent: String
        var bodyBytes: Int
        var headerBytes: Int
        var share: UnsafeMutableRawPointer?
        /// Each header's name and value as sent (`HTTPHeader.wireLine`'s parts, a secret's value in clear: the
        /// handle holds them anyway). Kept in memory only, as the handle's header list is.
        var headers: [String]

        init?(_ request: HTTPRequest, options: CurlTransport.Options, share: UnsafeMutableRawPointer?) {
            guard request.method == "GET", request.body == nil else { return nil }
            connectTimeout = options.connectTimeout
            timeout = options.timeout
            userAgent = options.userAgent
            bodyBytes = options.limits.bodyBytes
            headerBytes = options.limits.headerBytes
            self.share = share
            headers = []
            headers.reserveCapacity(request.headers.count * 2)
            for header in request.headers {
                headers.append(header.name)
                switch header.value {
                case .text(let text): headers.append(text)
                case .secret(let secret): headers.append(secret.revealed)
                }
            }
        }
    }
}
