// Keyboard-usable tabs (WAI-ARIA tabs pattern, automatic activation): one tab stop for the
// tablist, arrow keys move between tabs, Home and End jump to the ends.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDefinition<Id extends string> {
  id: Id;
  label: string;
  /** Shown after the label, e.g. how many errors the tab holds. */
  badge?: string;
}

interface TabsProps<Id extends string> {
  idPrefix: string;
  label: string;
  tabs: readonly TabDefinition<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  children: ReactNode;
}

export function tabId(idPrefix: string, id: string) {
  return `${idPrefix}-tab-${id}`;
}

export function panelId(idPrefix: string, id: string) {
  return `${idPrefix}-panel-${id}`;
}

export function Tabs<Id extends string>({ idPrefix, label, tabs, selected, onSelect, children }: TabsProps<Id>) {
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});

  function move(event: KeyboardEvent<HTMLButtonElement>) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = (index + 1) % tabs.length;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = (index - 1 + tabs.length) % tabs.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      default:
        return;
    }
    const target = tabs[next];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(target.id);
    buttons.current[target.id]?.focus();
  }

  return (
    <div className="admin-tabs">
      <div role="tablist" aria-label={label} className="admin-tablist">
        {tabs.map((tab) => {
          const isSelected = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                buttons.current[tab.id] = element;
              }}
              type="button"
              role="tab"
              id={tabId(idPrefix, tab.id)}
              aria-selected={isSelected}
              aria-controls={panelId(idPrefix, tab.id)}
              tabIndex={isSelected ? 0 : -1}
              className="admin-tab"
              onClick={() => onSelect(tab.id)}
              onKeyDown={move}
            >
              {tab.label}
              {tab.badge !== undefined && <span className="admin-tab-badge">{tab.badge}</span>}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={panelId(idPrefix, selected)}
        aria-labelledby={tabId(idPrefix, selected)}
        tabIndex={0}
        className="admin-tabpanel"
      >
        {children}
      </div>
    </div>
  );
}
