#ifndef PROTOKOLL_CLIBXML2_SHIM_H
#define PROTOKOLL_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers clash with the ICU copy inside Foundation.
   protokoll never touches libxml2's encoding-handler structs, so hide the ICU parts. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>

/// xmlFree is a global function pointer, which Swift 6 refuses to call directly.
static inline void protokoll_xml_free(void *pointer) { xmlFree(pointer); }

/// libxml2's version string, e.g. "20914"; the macro is not visible to Swift.
static inline const char *protokoll_xml_version(void) { return xmlParserVersion; }

#endif
