public import KapsoClient

/// The place a LOCATION-header template shows, given at send time: `37.483307,-122.148981,Acme HQ,1 Hacker Way,
/// Menlo Park` → latitude, longitude, then the name and the address (the rest, commas included).
///
/// Meta's location templates take `{"type":"location","location":{"latitude","longitude","name","address"}}` as
/// the header's parameter, never a media link (docs/templates.md, "Location headers").
public struct HeaderLocation: Sendable, Equatable {
    /// Degrees, -90...90 and -180...180, as typed (Meta's examples send them as strings).
    public var latitude: String
    public var longitude: String
    public var name: String?
    public var address: String?

    /// Nil unless the text starts with two numbers in range; empty name or address parts are left out.
    public init?(_ text: String) {
        let parts = text.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            .map { String($0).trimmingSpaces() }
        guard parts.count >= 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
            (-90...90).contains(latitude), (-180...180).contains(longitude)
        else { return nil }
        self.latitude = parts[0]
        self.longitude = parts[1]
        name = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
        address = parts.count > 3 && !parts[3].isEmpty ? parts[3] : nil
    }

    /// The header component's one parameter.
    public var parameter: JSONValue {
        var location: JSONObject = ["latitude": .string(latitude), "longitude": .string(longitude)]
        if let name { location["name"] = .string(name) }
        if let address { location["address"] = .string(address) }
        return ["type": "location", "location": .object(location)]
    }
}
