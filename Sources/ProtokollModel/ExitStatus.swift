/// Exit codes shared by every protokoll executable, from BSD's sysexits so cron and shell
/// scripts can tell a bad call from a bad document.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Every document was processed.
    case ok = 0
    /// Wrong command-line usage.
    case usage = 64
    /// At least one document failed; its error record says why. The others were processed.
    case someDocumentsFailed = 65
    /// No input was given or found.
    case noInput = 66
    /// Output could not be written.
    case cannotWrite = 73
    /// Another run holds the output directory; try again later.
    case busy = 75
    /// The configuration is invalid.
    case badConfiguration = 78

    /// The list printed in `--help`.
    public static let helpText = """
        Exit codes: 0 all documents ok; 64 usage error; 65 some documents failed (see their \
        error records); 66 no input; 73 output could not be written; 75 another run holds the \
        output directory; 78 bad configuration.
        """
}
