#ifndef EARSHOT_CLIBXML2_SHIM_H
#define EARSHOT_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU's, which clash with Foundation in one module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void earshot_xmlFree(void *p) { xmlFree(p); }
#endif
