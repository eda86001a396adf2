import Foundation

/// Writes `bytes` to the file `name` in `directory` and returns its path, as a run lists it.
func writeInput(_ bytes: [UInt8], to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}
