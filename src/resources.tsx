// The app's table of contents: one entry per resource, mirrored by the route tree in App.tsx.
import { UserOutlined } from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";

export const resources: ResourceProps[] = [
  {
    name: "me",
    list: "/me",
    meta: { label: "My profile", icon: <UserOutlined />, canDelete: false },
  },
];
