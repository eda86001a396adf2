#ifndef PROTOKOLL_CLIBXML2_SHIM_H
#define PROTOKOLL_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Foundation.
   protokoll never touches libxml2's encoding-handler structs, so hide the ICU parts. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// xmlFree is a global function pointer, which Swift 6 refuses to call directly.
static inline void protokoll_xml_free(void *pointer) { xmlFree(pointer); }

/// Swallows libxml2's generic error messages, which it prints to stderr even with
/// XML_PARSE_NOERROR (encoding errors, for one); failures reach Swift as a NULL document.
static void protokoll_xml_ignore(void *context, const char *message, ...) { (void)context; (void)message; }

/// Installs `protokoll_xml_ignore` for this thread; a C variadic callback Swift cannot write.
static inline void protokoll_xml_silence(void) { xmlSetGenericErrorFunc(NULL, protokoll_xml_ignore); }

/// libxml2's version string, e.g. "20914"; the macro is not visible to Swift.
static inline const char *protokoll_xml_version(void) { return xmlParserVersion; }

#endif
