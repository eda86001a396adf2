import Foundation
import ProtokollFuzzing

/// libFuzzer's entry: every input goes to `FuzzEntryPoints.text`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzEntryPoints.text(Data(bytes: data, count: size))
    return 0
}
