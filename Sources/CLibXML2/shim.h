#ifndef SWITCHYARD_CLIBXML2_SHIM_H
#define SWITCHYARD_CLIBXML2_SHIM_H

/*
 * The libxml2 headers Switchyard uses, imported into Swift as `CLibXML2`.
 *
 * xmlversion.h comes first so that LIBXML_ICU_ENABLED can be dropped before any other libxml2 header
 * sees it: with it set, encoding.h pulls in ICU's <unicode/ucnv.h>, whose declarations clash with the
 * ICU copy inside Foundation. Switchyard only ever hands libxml2 UTF-8, so ICU is never needed.
 */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/xmlmemory.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/// Frees memory libxml2 allocated. `xmlFree` is a macro when libxml2 is built with thread-local
/// allocators, which Swift cannot import, so it is wrapped here.
static inline void switchyard_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
