import type { ReactNode } from "react";

import { Card, CardContent, CardDescription, CardHeader } from "~/components/ui/card";

/** The centered card shared by the sign-in and sign-up pages. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center sm:py-16">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent>{children}</CardContent>
        <div className="text-muted-foreground px-6 text-center text-sm">{footer}</div>
      </Card>
    </div>
  );
}
