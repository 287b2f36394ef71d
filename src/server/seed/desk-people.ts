// Names for the demo desk's people (data, like the rest of the demo registry).

export const DESK_PEOPLE = {
  clerk: ['مریم کریمی', 'سعید احمدی'],
  manager: ['حمید رضایی', 'لیلا موسوی'],
  inspector: ['مجید حسینی'],
  field_agent: ['نرگس صادقی'],
  operator: ['امیر جعفری'],
} as const;
