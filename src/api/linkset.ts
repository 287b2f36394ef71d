import { z } from 'zod';

// RFC 9264 linksets as GS1's resolver returns them, and the resolver description file.

export const GS1_VOC = 'https://gs1.org/voc/';

/** Complaint intake is not in the GS1 vocabulary; an extension relation type (RFC 8288 §2.1.2). */
export const COMPLAINT_LINK_TYPE = 'https://kalabefi.ir/voc/complaintIntake';

export const LinkTargetSchema = z.object({
  href: z.string(),
  title: z.string(),
  hreflang: z.array(z.string()).optional(),
  type: z.string().optional(),
});
export type LinkTarget = z.infer<typeof LinkTargetSchema>;

/** One context object: anchor, description, then link-type URIs each with their targets. */
export const LinksetContextSchema = z
  .object({ anchor: z.string(), itemDescription: z.string().optional() })
  .catchall(z.union([z.array(LinkTargetSchema), z.string()]));
export type LinksetContext = z.infer<typeof LinksetContextSchema>;

export const LinksetSchema = z.object({ linkset: z.array(LinksetContextSchema).min(1) });
export type Linkset = z.infer<typeof LinksetSchema>;

export const ResolverDescriptionSchema = z.object({
  name: z.string(),
  resolverRoot: z.string(),
  supportedPrimaryKeys: z.array(z.string()),
  supportedLinkType: z
    .array(z.object({ namespace: z.string(), prefix: z.string(), profile: z.string() }))
    .optional(),
  linkTypeDefaultCanBeLinkset: z.boolean().optional(),
  supportedContextValuesEnumerated: z.array(z.string()).optional(),
  validatingPrimaryKeys: z.boolean().optional(),
  /** The JSON-LD context that turns this resolver's linksets into JSON-LD. */
  jsonLdContextLocation: z.string().optional(),
});
export type ResolverDescription = z.infer<typeof ResolverDescriptionSchema>;
