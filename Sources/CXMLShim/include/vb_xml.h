#ifndef VB_XML_H
#define VB_XML_H
/* Plain C face of libxml2 for VanBan. No libxml2 type leaks out: documents and
   nodes are opaque pointers, strings are UTF-8.

   Safety: no network access, no DTD loading, no entity substitution. XML that
   declares a DTD or entities is refused outright (OOXML never needs one), which
   also rules out entity-expansion bombs. */
#include <stdint.h>

typedef struct vb_xml_doc vb_xml_doc;
typedef struct vb_xml_node vb_xml_node;

/* Parses XML (html == 0) or HTML (html != 0) from memory. HTML is read as
   UTF-8. On failure returns NULL and writes a one-line reason into err. */
vb_xml_doc *vb_xml_parse(const char *buf, int32_t len, int32_t html, char *err, int32_t errcap);
void vb_xml_free(vb_xml_doc *doc);

const vb_xml_node *vb_xml_root(const vb_xml_doc *doc);
const vb_xml_node *vb_node_first_child(const vb_xml_node *node);
const vb_xml_node *vb_node_next(const vb_xml_node *node);

/* 1 element, 2 text (text, CDATA, entity text), 0 anything else (comments, PIs). */
int32_t vb_node_kind(const vb_xml_node *node);
/* Local name of an element. */
const char *vb_node_name(const vb_xml_node *node);
/* Namespace URI of an element or attribute, or NULL. */
const char *vb_node_namespace(const vb_xml_node *node);
/* Content of a text node (NULL for other kinds). */
const char *vb_node_text(const vb_xml_node *node);

/* Attributes of an element, as a list. */
const vb_xml_node *vb_node_first_attribute(const vb_xml_node *node);
const vb_xml_node *vb_attribute_next(const vb_xml_node *attr);
const char *vb_attribute_name(const vb_xml_node *attr);
/* Namespace URI of an attribute, or NULL. */
const char *vb_attribute_namespace(const vb_xml_node *attr);
/* The value, newly allocated: release it with vb_string_free. */
char *vb_attribute_value(const vb_xml_node *attr);
void vb_string_free(char *s);

#endif

/// Inflates raw DEFLATE data (a ZIP entry, method 8) into `out`, writing at most
/// `out_capacity` bytes. Returns the number of bytes written, -1 when the data is
/// damaged, -2 when the output would exceed `out_capacity`. Bounded: every call of
/// zlib consumes input or produces output, or the function stops.
long vb_inflate_raw(const unsigned char *in, unsigned long in_length, unsigned char *out, unsigned long out_capacity);
