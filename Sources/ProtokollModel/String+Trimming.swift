public import Foundation

extension String {
    /// The string without the scalars of `set` at either end, as `trimmingCharacters(in:)`
    /// returns it, without its round trip through `NSString`; see `Substring.trimming(_:)`.
    public func trimming(_ set: CharacterSet) -> String {
        self[...].trimming(set)
    }
}

extension Substring {
    /// The text without the scalars of `set` at either end, as `trimmingCharacters(in:)`
    /// returns it, without its round trip through `NSString`.
    ///
    /// Foundation trims UTF-16 units, so a scalar outside the Basic Multilingual Plane is never
    /// trimmed there, even when `set` holds it; it is not trimmed here either.
    public func trimming(_ set: CharacterSet) -> String {
        func isKept(_ scalar: Unicode.Scalar) -> Bool { scalar.value > 0xFFFF || !set.contains(scalar) }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: isKept), let last = scalars.lastIndex(where: isKept) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
