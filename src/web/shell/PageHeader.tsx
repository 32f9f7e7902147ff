import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import type { BreadcrumbProps } from 'antd';

type ItemType = NonNullable<BreadcrumbProps['items']>[number];

/** Breadcrumbs, a title and the page's actions, the same on every staff page. */
export function PageHeader({ title, breadcrumb, extra, subtitle }: { title: ReactNode; breadcrumb?: ItemType[]; extra?: ReactNode; subtitle?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      {breadcrumb && breadcrumb.length > 0 && <Breadcrumb items={breadcrumb} style={{ marginBottom: 8 }} />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
        {extra && <Flex gap={8} wrap>{extra}</Flex>}
      </Flex>
      {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
    </div>
  );
}
