// Refine's record pages (Create, Edit, Show) without the page header's back arrow: Ant
// Design Pro wraps it in a div role="button" around a <button> (nested interactive controls,
// the outer one unreachable by keyboard and labelled "back" in English only). Pages go back
// through the breadcrumb, the menu and the browser instead. Import these, not Refine's.
import {
  Create as RefineCreate,
  Edit as RefineEdit,
  Show as RefineShow,
  type CreateProps,
  type EditProps,
  type ShowProps,
} from "@refinedev/antd";

export const Create = (props: CreateProps) => <RefineCreate goBack={false} {...props} />;
export const Edit = (props: EditProps) => <RefineEdit goBack={false} {...props} />;
export const Show = (props: ShowProps) => <RefineShow goBack={false} {...props} />;
